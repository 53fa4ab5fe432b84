// Scheduled query (log search) alert rules on the critical events of docs/observability.md, evaluated every
// minute over the last five, and the action group that emails the on-call address.

@description('Azure region of the alert rules (the workspace\'s).')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Resource id of the Log Analytics workspace that holds the AppTraces and AppRequests tables.')
param workspaceId string

@description('Name of the action group.')
param actionGroupName string

@description('Prefix of the alert rules\' names.')
param alertRulePrefix string

@description('Who gets the alert emails.')
param alertEmailAddress string

@description('Access denials in five minutes, per app, above which the burst alert fires.')
param accessDeniedThreshold int

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: actionGroupName
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'clinic-ops'
    enabled: true
    emailReceivers: [
      {
        name: 'on-call'
        emailAddress: alertEmailAddress
        useCommonAlertSchema: true
      }
    ]
  }
}

var criticalEventsQuery = '''
AppTraces
| where SeverityLevel >= 3
    or tostring(Properties.EventName) in ("UnhandledException", "FunctionWithoutPolicy", "CircuitOpened",
        "PaymentFailed", "NotificationDeadLettered", "AlertRaised")
| summarize Count = count(), Example = take_any(Message)
    by Event = tostring(Properties.EventName), AppRoleName
'''

var accessDeniedQuery = '''
AppTraces
| where tostring(Properties.EventName) in ("AccessDenied", "AdminServiceRefused")
| summarize Denials = count(), Users = dcount(tostring(Properties.UserPseudonym)),
    Functions = make_set(tostring(Properties.FunctionName), 10) by AppRoleName
'''

var failedRequestsQuery = '''
AppRequests
| summarize Total = count(), Failed = countif(Success == false) by AppRoleName
| extend FailedPercent = 100.0 * Failed / Total
| where Total >= 20
'''

var rules = [
  {
    name: 'critical-events'
    displayName: 'Clinic: critical event'
    description: 'An error or a critical event (payment failed, circuit opened, alert raised, ...).'
    severity: 1
    query: criticalEventsQuery
    measure: 'Count'
    aggregation: 'Total'
    dimensions: [
      'Event'
      'AppRoleName'
    ]
    threshold: 0
  }
  {
    name: 'access-denied-burst'
    displayName: 'Clinic: burst of access denials'
    description: 'More access denials than usual in five minutes.'
    severity: 2
    query: accessDeniedQuery
    measure: 'Denials'
    aggregation: 'Total'
    dimensions: [
      'AppRoleName'
    ]
    threshold: accessDeniedThreshold
  }
  {
    name: 'failed-requests'
    displayName: 'Clinic: failed request rate'
    description: 'More than 5% of at least 20 requests failed in five minutes.'
    severity: 2
    query: failedRequestsQuery
    measure: 'FailedPercent'
    aggregation: 'Average'
    dimensions: [
      'AppRoleName'
    ]
    threshold: 5
  }
]

resource alertRules 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [
  for rule in rules: {
    name: '${alertRulePrefix}${rule.name}'
    location: location
    tags: tags
    kind: 'LogAlert'
    properties: {
      displayName: rule.displayName
      description: rule.description
      severity: rule.severity
      enabled: true
      scopes: [
        workspaceId
      ]
      evaluationFrequency: 'PT1M'
      windowSize: 'PT5M'
      // The App* tables appear only after the first telemetry arrives; a new workspace would fail validation.
      skipQueryValidation: true
      criteria: {
        allOf: [
          {
            query: rule.query
            timeAggregation: rule.aggregation
            metricMeasureColumn: rule.measure
            dimensions: [
              for dimension in rule.dimensions: {
                name: dimension
                operator: 'Include'
                values: [
                  '*'
                ]
              }
            ]
            operator: 'GreaterThan'
            threshold: rule.threshold
            failingPeriods: {
              numberOfEvaluationPeriods: 1
              minFailingPeriodsToAlert: 1
            }
          }
        ]
      }
      autoMitigate: true
      actions: {
        actionGroups: [
          actionGroup.id
        ]
      }
    }
  }
]

output actionGroupName string = actionGroup.name

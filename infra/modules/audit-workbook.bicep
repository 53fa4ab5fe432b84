// The admins' audit workbook in Azure Monitor: sign-ins, access denials, changes to users, payments,
// alerts and notifications, by the event names of docs/events.md. People appear only as pseudonyms.

@description('Azure region of the workbook.')
param location string

@description('Tags applied to the workbook.')
param tags object

@description('Resource id of the Log Analytics workspace the workbook queries.')
param workspaceId string

@description('Display name of the workbook in the portal.')
param displayName string

var workspaceType = 'microsoft.operationalinsights/workspaces'

var tiles = [
  {
    name: 'sign-ins'
    title: 'Sign-ins per day'
    visualization: 'timechart'
    query: '''
AppTraces
| where tostring(Properties.EventName) == "UserSignedIn"
| summarize SignIns = count() by bin(TimeGenerated, 1d), Provider = tostring(Properties.IdentityProvider)
'''
  }
  {
    name: 'access-denied'
    title: 'Access denied, newest first'
    visualization: 'table'
    query: '''
AppTraces
| where tostring(Properties.EventName) in ("AccessDenied", "AdminServiceRefused")
| project TimeGenerated, Event = tostring(Properties.EventName),
    Function = tostring(Properties.FunctionName), Policy = tostring(Properties.Policy),
    Reason = tostring(Properties.Reason), User = tostring(Properties.UserPseudonym), OperationId
| order by TimeGenerated desc
'''
  }
  {
    name: 'user-changes'
    title: 'Roles, doctor links and disabled accounts changed by admins'
    visualization: 'table'
    query: '''
AppTraces
| where tostring(Properties.EventName) in ("UserRoleAssigned", "UserRoleRemoved", "UserDisabled",
    "UserEnabled", "DoctorLinked", "DoctorUnlinked")
| project TimeGenerated, Event = tostring(Properties.EventName), Admin = tostring(Properties.AdminPseudonym),
    User = tostring(Properties.UserPseudonym), Role = tostring(Properties.Role),
    Doctor = tostring(Properties.DoctorId)
| order by TimeGenerated desc
'''
  }
  {
    name: 'payments'
    title: 'Payments and refunds per day'
    visualization: 'barchart'
    query: '''
AppTraces
| where tostring(Properties.EventName) in ("PaymentSucceeded", "PaymentFailed", "RefundIssued",
    "RefundFailed")
| summarize Count = count() by bin(TimeGenerated, 1d), Event = tostring(Properties.EventName)
'''
  }
  {
    name: 'failed-payments'
    title: 'Failed payments and refunds'
    visualization: 'table'
    query: '''
AppTraces
| where tostring(Properties.EventName) in ("PaymentFailed", "RefundFailed", "GatewayGaveUp",
    "SettlementGaveUp")
| project TimeGenerated, Event = tostring(Properties.EventName), Invoice = tostring(Properties.InvoiceId),
    Outcome = coalesce(tostring(Properties.OutcomeCode), tostring(Properties.FailureCode)), OperationId
| order by TimeGenerated desc
'''
  }
  {
    name: 'alerts'
    title: 'Alerts raised'
    visualization: 'table'
    query: '''
AppTraces
| where tostring(Properties.EventName) == "AlertRaised"
| project TimeGenerated, Alert = tostring(Properties.AlertId), Severity = tostring(Properties.Severity),
    Event = tostring(Properties.AlertEvent), Summary = tostring(Properties.Summary),
    Correlation = tostring(Properties.CorrelationId)
| order by TimeGenerated desc
'''
  }
  {
    name: 'notifications'
    title: 'Notifications per day, by event'
    visualization: 'barchart'
    query: '''
AppTraces
| where tostring(Properties.EventName) startswith "Notification"
| summarize Count = count() by bin(TimeGenerated, 1d), Event = tostring(Properties.EventName)
'''
  }
]

var workbook = {
  version: 'Notebook/1.0'
  items: concat(
    [
      {
        type: 1
        name: 'about'
        content: {
          json: '## Clinic audit\nEvents of the Functions app (docs/events.md); people appear as pseudonyms.'
        }
      }
      {
        type: 9
        name: 'parameters'
        content: {
          version: 'KqlParameterItem/1.0'
          style: 'pills'
          queryType: 0
          resourceType: workspaceType
          parameters: [
            {
              id: 'f6d0a0a4-3c1e-4d55-9a55-1c5f2b8e7a10'
              version: 'KqlParameterItem/1.0'
              name: 'TimeRange'
              label: 'Time range'
              type: 4
              isRequired: true
              value: {
                durationMs: 604800000
              }
              typeSettings: {
                selectableValues: [
                  {
                    durationMs: 86400000
                  }
                  {
                    durationMs: 604800000
                  }
                  {
                    durationMs: 2592000000
                  }
                ]
              }
            }
          ]
        }
      }
    ],
    map(tiles, tile => {
      type: 3
      name: tile.name
      content: {
        version: 'KqlItem/1.0'
        title: tile.title
        query: tile.query
        size: 0
        timeContextFromParameter: 'TimeRange'
        queryType: 0
        resourceType: workspaceType
        visualization: tile.visualization
      }
    })
  )
}

resource auditWorkbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  name: guid(resourceGroup().id, 'clinic-audit-workbook')
  location: location
  tags: tags
  kind: 'shared'
  properties: {
    displayName: displayName
    category: 'workbook'
    sourceId: workspaceId
    serializedData: string(workbook)
  }
}

output id string = auditWorkbook.id

// The clinic's Azure resources; `azd up` provisions them into rg-<environment> (docs/deployment.md).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; names the resource group and seeds the resource token.')
param environmentName string

@minLength(1)
@description('Primary region of the resources; it must offer Flex Consumption function apps.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Region of the static web app, one of the few that offer Static Web Apps.')
@allowed([
  'centralus'
  'eastasia'
  'eastus2'
  'westeurope'
  'westus2'
])
param staticWebAppLocation string = 'westeurope'

@description('Object id of whoever runs azd; may then set the vault\'s secrets. Empty for none.')
param principalId string = ''

@description('Email address of the on-call admins for critical alerts (for example oncall@example.test).')
@minLength(3)
param alertEmailAddress string

@description('Access denials in five minutes above which the burst alert fires.')
@minValue(1)
param accessDeniedAlertThreshold int = 20

@description('Where Communication Services keeps data at rest, e.g. United States or Europe.')
param communicationDataLocation string = 'United States'

@description('The number that sends text messages (E.164), once bought; empty until then.')
param smsFromNumber string = ''

@description('Deploy Azure Cache for Redis as the HybridCache second level; else memory only.')
param deployRedis bool = false

@description('Prefix of every table the app creates; empty for none.')
param tablePrefix string = ''

@description('Durable Task hub of the payment orchestrations: letters and digits, starting with a letter.')
param taskHubName string = 'ClinicHub'

@description('First part of the notification queues\' names (<prefix>-events, -email, -sms): lower case.')
@minLength(1)
@maxLength(49)
param notificationQueuePrefix string = 'notify'

@description('Queues created up front, so that each queue trigger finds its queue from the first start.')
param queueNames array = [
  '${notificationQueuePrefix}-events'
  '${notificationQueuePrefix}-email'
  '${notificationQueuePrefix}-sms'
  'billing-appointment-changes'
]

@description('Days logs are kept in the workspace; the audit workbook cannot look back further.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 90

@description('Days a deleted key vault stays recoverable (purge protection keeps it that long).')
@minValue(7)
@maxValue(90)
param keyVaultSoftDeleteRetentionInDays int = 90

@description('true: a custom wrap-only role on the billing log key; false: Key Vault Crypto User.')
param useWrapOnlyKeyRole bool = true

@description('Most function app instances.')
@minValue(40)
@maxValue(1000)
param functionMaximumInstanceCount int = 100

@description('Memory of each function app instance, in MB.')
@allowed([
  512
  2048
  4096
])
param functionInstanceMemoryMB int = 2048

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var functionAppName = '${abbrs.webSitesFunctions}api-${resourceToken}'
var deploymentContainerName = 'app-package-${resourceToken}'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
  }
}

module identity 'modules/managed-identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}api-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
    queueNames: queueNames
  }
}

module keyVault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  scope: rg
  params: {
    name: '${abbrs.keyVaultVaults}${resourceToken}'
    location: location
    tags: tags
    softDeleteRetentionInDays: keyVaultSoftDeleteRetentionInDays
    billingLogKeyName: 'billing-log-key'
    pseudonymKeySecretName: 'privacy-pseudonym-key'
    stripeSecretKeySecretName: 'stripe-secret-key'
  }
}

module communication 'modules/communication.bicep' = {
  name: 'communication'
  scope: rg
  params: {
    communicationServiceName: '${abbrs.communicationServices}${resourceToken}'
    emailServiceName: '${abbrs.communicationEmailServices}${resourceToken}'
    dataLocation: communicationDataLocation
    tags: tags
  }
}

module redis 'modules/redis.bicep' = if (deployRedis) {
  name: 'redis'
  scope: rg
  params: {
    name: '${abbrs.cacheRedis}${resourceToken}'
    location: location
    tags: tags
  }
}

module roleAssignments 'modules/role-assignments.bicep' = {
  name: 'role-assignments'
  scope: rg
  params: {
    appPrincipalId: identity.outputs.principalId
    storageAccountName: storage.outputs.name
    keyVaultName: keyVault.outputs.name
    billingLogKeyName: keyVault.outputs.billingLogKeyName
    useWrapOnlyKeyRole: useWrapOnlyKeyRole
    communicationServiceName: communication.outputs.communicationServiceName
    redisName: deployRedis ? redis!.outputs.name : ''
    deployerPrincipalId: principalId
    resourceToken: resourceToken
  }
}

module api 'modules/function-app.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: functionAppName
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    serviceName: 'api'
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    tableEndpoint: storage.outputs.tableEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    blobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: deploymentContainerName
    tablePrefix: tablePrefix
    notificationQueuePrefix: notificationQueuePrefix
    taskHubName: taskHubName
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    billingLogKeyId: keyVault.outputs.billingLogKeyIdWithVersion
    pseudonymKeySecretUri: keyVault.outputs.pseudonymKeySecretUri
    stripeSecretKeySecretUri: keyVault.outputs.stripeSecretKeySecretUri
    communicationEndpoint: communication.outputs.endpoint
    emailSenderAddress: communication.outputs.senderAddress
    smsFromNumber: smsFromNumber
    redisConnectionString: deployRedis ? redis!.outputs.connectionString : ''
    maximumInstanceCount: functionMaximumInstanceCount
    instanceMemoryMB: functionInstanceMemoryMB
  }
  // The app starts as soon as it exists; its identity must already reach storage and Key Vault.
  dependsOn: [
    roleAssignments
  ]
}

module web 'modules/static-web-app.bicep' = {
  name: 'web'
  scope: rg
  params: {
    name: '${abbrs.webStaticSites}${resourceToken}'
    location: staticWebAppLocation
    tags: tags
    serviceName: 'web'
    backendResourceId: api.outputs.id
    backendLocation: api.outputs.location
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  scope: rg
  params: {
    location: location
    tags: tags
    workspaceId: monitoring.outputs.logAnalyticsId
    actionGroupName: '${abbrs.insightsActionGroups}${resourceToken}'
    alertRulePrefix: '${abbrs.insightsScheduledQueryRules}${resourceToken}-'
    alertEmailAddress: alertEmailAddress
    accessDeniedThreshold: accessDeniedAlertThreshold
  }
}

module auditWorkbook 'modules/audit-workbook.bicep' = {
  name: 'audit-workbook'
  scope: rg
  params: {
    location: location
    tags: tags
    workspaceId: monitoring.outputs.logAnalyticsId
    displayName: 'Clinic audit (${environmentName})'
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output AZURE_STATIC_WEB_APP_NAME string = web.outputs.name
output WEB_URI string = web.outputs.uri
// The API is reached through the site: the linked function app accepts only the site's calls.
output API_BASE_URL string = '${web.outputs.uri}/api'
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.applicationInsightsConnectionString
output AZURE_LOG_ANALYTICS_WORKSPACE_NAME string = monitoring.outputs.logAnalyticsName
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.uri
output BILLING_LOG_KEY_ID string = keyVault.outputs.billingLogKeyIdWithVersion
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output ACS_ENDPOINT string = communication.outputs.endpoint
output ACS_SENDER_ADDRESS string = communication.outputs.senderAddress

// The Functions app (isolated worker, .NET 10) on the Flex Consumption plan, with the user-assigned identity
// for storage, Key Vault, Communication Services and Key Vault references. On Flex Consumption the runtime
// and its version are set in functionAppConfig: the FUNCTIONS_WORKER_RUNTIME and FUNCTIONS_EXTENSION_VERSION
// app settings are not accepted there (the host is always 4.x).

@description('Name of the function app.')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Azure region of the plan and the app; it must offer Flex Consumption.')
param location string

@description('Tags applied to the plan and the app; the app also gets azd-service-name.')
param tags object

@description('The azd service this app hosts (azure.yaml).')
param serviceName string

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity, for DefaultAzureCredential and the host\'s storage connection.')
param identityClientId string

@description('Name of the storage account (AzureWebJobsStorage, tables, queues).')
param storageAccountName string

@description('Table endpoint of the storage account (Storage:TableServiceUri).')
param tableEndpoint string

@description('Queue endpoint of the storage account (Storage:QueueServiceUri).')
param queueEndpoint string

@description('Blob endpoint of the storage account, for the deployment package container.')
param blobEndpoint string

@description('Blob container of the deployment package.')
param deploymentContainerName string

@description('Prefix of every table the app creates (Storage:TablePrefix); may be empty.')
param tablePrefix string

@description('First part of every notification queue\'s name (Notifications:QueuePrefix).')
param notificationQueuePrefix string

@description('Durable Task hub name: letters and digits, starting with a letter, 3-45 characters.')
@minLength(3)
@maxLength(45)
param taskHubName string

@description('Application Insights connection string (APPLICATIONINSIGHTS_CONNECTION_STRING).')
param applicationInsightsConnectionString string

@description('Key id with version of the billing log key (BillingLogs:KeyVaultKeyId).')
param billingLogKeyId string

@description('Secret URI of the pseudonym key, for its Key Vault reference.')
param pseudonymKeySecretUri string

@description('Secret URI of the Stripe secret key, for its Key Vault reference.')
param stripeSecretKeySecretUri string

@description('Communication Services endpoint (Notifications:Acs:Endpoint).')
param communicationEndpoint string

@description('The From address of emails (Notifications:Acs:SenderAddress).')
param emailSenderAddress string

@description('The number that sends text messages, E.164 (Notifications:Acs:FromNumber); may be empty.')
param smsFromNumber string

@description('Redis connection string, no password (Cache:Redis:ConnectionString); empty: memory only.')
param redisConnectionString string

@description('Most instances the app scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory of each instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// Every setting the app reads in Azure, with ':' written as '__'. Secrets are Key Vault references resolved
// by the platform with the app's identity; no secret value is in this template.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: {
    // The host's storage and Durable Task's (Azure Storage provider): blobs, queues and tables by identity.
    AzureWebJobsStorage__accountName: storageAccountName
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identityClientId
    AzureFunctionsJobHost__extensions__durableTask__hubName: taskHubName
    // DefaultAzureCredential in the app (tables, Key Vault, Communication Services) picks this identity.
    AZURE_CLIENT_ID: identityClientId
    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
    Storage__TableServiceUri: tableEndpoint
    // The queues the app sends to itself (notifications, billing's changes), by identity.
    Storage__QueueServiceUri: queueEndpoint
    Storage__TablePrefix: tablePrefix
    Privacy__PseudonymKey: '@Microsoft.KeyVault(SecretUri=${pseudonymKeySecretUri})'
    BillingLogs__KeyVaultKeyId: billingLogKeyId
    Billing__Gateway: 'Stripe'
    Billing__Stripe__SecretKey: '@Microsoft.KeyVault(SecretUri=${stripeSecretKeySecretUri})'
    // Communication Services: the default, Outbox, would write each message to the instance's disk.
    Notifications__Sender: 'Acs'
    // The queue triggers name their queues with it (%Notifications:QueuePrefix%); without it none loads.
    Notifications__QueuePrefix: notificationQueuePrefix
    // The timers' %Notifications:ReminderSchedule% and %Notifications:OutboxSweepSchedule%, likewise. The
    // reminder schedule agrees with Notifications:ReminderInterval (15 min by default).
    Notifications__ReminderSchedule: '0 */15 * * * *'
    Notifications__OutboxSweepSchedule: '0 * * * * *'
    Notifications__Acs__Endpoint: communicationEndpoint
    Notifications__Acs__SenderAddress: emailSenderAddress
    Notifications__Acs__FromNumber: smsFromNumber
    Cache__Redis__ConnectionString: redisConnectionString
    // With a shared second level, another instance's change is seen after the memory lifetime: keep it short.
    Cache__LocalExpiration: empty(redisConnectionString) ? '00:00:30' : '00:00:05'
  }
}

output id string = functionApp.id
output name string = functionApp.name
output location string = functionApp.location
output defaultHostName string = functionApp.properties.defaultHostName

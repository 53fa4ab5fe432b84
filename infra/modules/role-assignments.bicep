// Every role the deployment grants, in one place. The function app's identity gets data-plane roles scoped to
// the resource (or key) it uses; the deployer, when known, may set the vault's secrets.

@description('Principal id of the function app\'s user-assigned identity.')
param appPrincipalId string

@description('Name of the storage account.')
param storageAccountName string

@description('Name of the key vault.')
param keyVaultName string

@description('Name of the billing log key in that vault.')
param billingLogKeyName string

// A wrap-only custom role follows docs/billing-log-encryption.md; Key Vault Crypto User also unwraps, and
// suits deployers who may assign roles but not create them.
@description('true: a custom role that may only wrap with the billing log key; false: Key Vault Crypto User.')
param useWrapOnlyKeyRole bool

@description('Name of the Communication Services resource.')
param communicationServiceName string

@description('Name of the Azure Cache for Redis resource; empty when none is deployed.')
param redisName string

@description('Object id of whoever runs azd, made Key Vault Secrets Officer; empty for none.')
param deployerPrincipalId string

@description('Suffix that makes the custom role\'s name unique in the tenant.')
param resourceToken string

// Built-in role definition ids.
var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var keyVaultCryptoUser = '12338af0-0e69-4776-bea7-57ae8d297424'
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var keyVaultSecretsOfficer = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
var communicationAndEmailServiceOwner = '09976791-48a7-449e-bb21-39d1a415f350'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource billingLogKey 'Microsoft.KeyVault/vaults/keys@2023-07-01' existing = {
  parent: vault
  name: billingLogKeyName
}

resource communicationService 'Microsoft.Communication/communicationServices@2023-04-01' existing = {
  name: communicationServiceName
}

resource redis 'Microsoft.Cache/redis@2024-11-01' existing = if (!empty(redisName)) {
  name: redisName
}

// AzureWebJobsStorage and Durable Task need blobs (leases, deployment package), queues and tables; the app's
// own tables and the notification queues use the same account.
var storageRoles = [
  storageBlobDataOwner
  storageQueueDataContributor
  storageTableDataContributor
]

resource storageAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in storageRoles: {
    name: guid(storage.id, appPrincipalId, role)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

// The app only wraps data keys; auditors unwrap, with a grant of their own when they need it.
resource wrapOnlyRole 'Microsoft.Authorization/roleDefinitions@2022-04-01' = if (useWrapOnlyKeyRole) {
  name: guid(resourceGroup().id, 'billing-log-key-wrap')
  properties: {
    roleName: 'Clinic billing log key wrapper (${resourceToken})'
    description: 'Wrap data keys with a Key Vault key, nothing else.'
    type: 'CustomRole'
    permissions: [
      {
        actions: []
        notActions: []
        dataActions: [
          'Microsoft.KeyVault/vaults/keys/wrap/action'
        ]
        notDataActions: []
      }
    ]
    assignableScopes: [
      resourceGroup().id
    ]
  }
}

resource keyAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(billingLogKey.id, appPrincipalId, useWrapOnlyKeyRole ? 'wrap-only' : keyVaultCryptoUser)
  scope: billingLogKey
  properties: {
    // A role definition's id is subscription-wide, though this one was created from a resource group.
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      useWrapOnlyKeyRole ? wrapOnlyRole.name : keyVaultCryptoUser
    )
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Key Vault references (pseudonym key, Stripe key) resolve with the app's identity.
resource secretsAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appPrincipalId, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Sending email and text messages with Entra ID needs a built-in role on the resource: Communication Services
// does not honour custom roles, and this one is narrower than Contributor (Communication resources only).
resource communicationAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(communicationService.id, appPrincipalId, communicationAndEmailServiceOwner)
  scope: communicationService
  properties: {
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      communicationAndEmailServiceOwner
    )
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource redisAccess 'Microsoft.Cache/redis/accessPolicyAssignments@2024-11-01' = if (!empty(redisName)) {
  parent: redis
  name: guid(resourceGroup().id, redisName, appPrincipalId)
  properties: {
    accessPolicyName: 'Data Contributor'
    objectId: appPrincipalId
    objectIdAlias: 'function-app'
  }
}

// After provisioning, the operator sets the secrets (docs/deployment.md).
var assignDeployer = !empty(deployerPrincipalId)

resource deployerAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (assignDeployer) {
  name: guid(vault.id, deployerPrincipalId, keyVaultSecretsOfficer)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId(
      'Microsoft.Authorization/roleDefinitions',
      keyVaultSecretsOfficer
    )
    principalId: deployerPrincipalId
  }
}

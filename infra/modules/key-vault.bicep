// Key Vault with RBAC authorization: the RSA key that wraps billing log data keys, and the secrets that the
// operator sets after provisioning. No secret is created here, so no secret value passes through a template,
// a parameter file or a deployment's history.

@description('Name of the key vault (3-24 characters).')
param name string

@description('Azure region of the vault.')
param location string

@description('Tags applied to the vault.')
param tags object

@description('Days a deleted vault, key or secret stays recoverable, and (purge protection) its name taken.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int

@description('Name of the RSA key that wraps billing log data keys (BillingLogs:KeyVaultKeyId).')
param billingLogKeyName string

@description('Name of the secret that holds the pseudonym key (Privacy:PseudonymKey), set by the operator.')
param pseudonymKeySecretName string

@description('Name of the secret with the Stripe key (Billing:Stripe:SecretKey), set by the operator.')
param stripeSecretKeySecretName string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

// Creating a key that already exists changes nothing, so a second deployment does not add a version.
resource billingLogKey 'Microsoft.KeyVault/vaults/keys@2023-07-01' = {
  parent: vault
  name: billingLogKeyName
  properties: {
    kty: 'RSA'
    keySize: 3072
    keyOps: [
      'wrapKey'
      'unwrapKey'
    ]
    attributes: {
      enabled: true
    }
  }
}

output id string = vault.id
output name string = vault.name
output uri string = vault.properties.vaultUri
output billingLogKeyName string = billingLogKey.name
output billingLogKeyIdWithVersion string = billingLogKey.properties.keyUriWithVersion
// Key Vault references without a version follow the latest version of each secret.
output pseudonymKeySecretUri string = '${vault.properties.vaultUri}secrets/${pseudonymKeySecretName}'
output stripeSecretKeySecretUri string = '${vault.properties.vaultUri}secrets/${stripeSecretKeySecretName}'

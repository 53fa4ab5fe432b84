// Optional second level of the HybridCache (Cache:Redis:ConnectionString). Access keys are off: clients
// authenticate with Entra ID; the app's identity gets a data access policy in role-assignments.bicep.

@description('Name of the Azure Cache for Redis resource.')
param name string

@description('Azure region of the cache.')
param location string

@description('Tags applied to the cache.')
param tags object

// StackExchange.Redis options: TLS only, and keep retrying a cache that is not reachable yet.
var options = 'ssl=True,abortConnect=False'

resource redis 'Microsoft.Cache/redis@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'Basic'
      family: 'C'
      capacity: 0
    }
    enableNonSslPort: false
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
    disableAccessKeyAuthentication: true
    redisConfiguration: {
      'aad-enabled': 'true'
    }
  }
}

output name string = redis.name
// No password in it: the client adds an Entra token for the app's identity.
output connectionString string = '${redis.properties.hostName}:${redis.properties.sslPort},${options}'

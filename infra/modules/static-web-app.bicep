// The static site (frontend/) on Static Web Apps Standard, the plan that can link a backend: /api is served
// by the function app, which then accepts calls only through the site, with x-ms-client-principal.

@description('Name of the static web app.')
param name string

@description('Region of the static web app; Static Web Apps is offered in a few regions only.')
param location string

@description('Tags applied to the site; it also gets azd-service-name.')
param tags object

@description('The azd service this site hosts (azure.yaml).')
param serviceName string

@description('Resource id of the function app linked as the backend.')
param backendResourceId string

@description('Region of the function app linked as the backend.')
param backendLocation string

resource staticWebApp 'Microsoft.Web/staticSites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    // azd deploys the files itself; there is no linked repository.
    provider: 'Custom'
    stagingEnvironmentPolicy: 'Disabled'
  }
}

resource linkedBackend 'Microsoft.Web/staticSites/linkedBackends@2024-04-01' = {
  parent: staticWebApp
  name: 'backend'
  properties: {
    backendResourceId: backendResourceId
    region: backendLocation
  }
}

output name string = staticWebApp.name
output uri string = 'https://${staticWebApp.properties.defaultHostname}'

// Azure Communication Services for email and text messages, with an Email Communication Service and its
// Azure-managed domain (DoNotReply@<random>.azurecomm.net). The app calls both over REST with Entra ID.
// Phone numbers cannot be bought in a template: the operator buys one and sets smsFromNumber.

@description('Name of the Communication Services resource.')
param communicationServiceName string

@description('Name of the Email Communication Service resource.')
param emailServiceName string

@description('Where both resources keep their data at rest, e.g. United States or Europe; they must match.')
param dataLocation string

@description('Tags applied to every resource.')
param tags object

resource emailService 'Microsoft.Communication/emailServices@2023-04-01' = {
  name: emailServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
  }
}

resource managedDomain 'Microsoft.Communication/emailServices/domains@2023-04-01' = {
  parent: emailService
  name: 'AzureManagedDomain'
  location: 'global'
  tags: tags
  properties: {
    domainManagement: 'AzureManaged'
    // Tracking would add per-recipient open and click records; patients' mail stays untracked.
    userEngagementTracking: 'Disabled'
  }
}

resource communicationService 'Microsoft.Communication/communicationServices@2023-04-01' = {
  name: communicationServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
    linkedDomains: [
      managedDomain.id
    ]
  }
}

output communicationServiceName string = communicationService.name
output endpoint string = 'https://${communicationService.properties.hostName}/'
output senderAddress string = 'DoNotReply@${managedDomain.properties.mailFromSenderDomain}'

using Clinic.Notifications.Senders;
using Clinic.Notifications.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Notifications.Tests.Senders;

/// <summary>
/// The senders that <c>Notifications:Sender=Acs</c> registers, as a fresh deployment configures them: the
/// Communication Services endpoint and email address set, a phone number only once an operator bought one.
/// </summary>
public sealed class SenderRegistrationTests
{
    [Fact]
    public async Task AddNotifications_acsWithoutAPhoneNumber_emailSenderBuiltAndEachSmsRefusedForGood()
    {
        using var services = Build(fromNumber: "");

        var email = services.GetRequiredService<IEmailSender>();
        var sms = services.GetRequiredService<ISmsSender>();
        var outcome = await sms.SendAsync(Samples.Sms(), CancellationToken.None);

        Assert.IsType<AcsEmailSender>(email);
        Assert.Equal(new SendOutcome.Permanent("no-from-number"), outcome);
    }

    [Fact]
    public void AddNotifications_acsWithAPhoneNumber_smsSentThroughCommunicationServices()
    {
        using var services = Build(fromNumber: Samples.FromNumber);

        var sms = services.GetRequiredService<ISmsSender>();

        Assert.IsType<AcsSmsSender>(sms);
    }

    private static ServiceProvider Build(string fromNumber)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Notifications:Sender"] = "Acs",
            ["Notifications:Acs:Endpoint"] = "https://clinic-test.communication.azure.com/",
            ["Notifications:Acs:SenderAddress"] = Samples.SenderAddress,
            ["Notifications:Acs:FromNumber"] = fromNumber,
        }).Build();
        return new ServiceCollection().AddLogging().AddNotifications(configuration).BuildServiceProvider();
    }
}

using Clinic.Notifications.Senders;
using Clinic.Notifications.Tests.Fakes;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Clinic.Notifications.Tests.Senders;

public sealed class OutboxFolderSenderTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly OutboxFolderSender _sender;

    public OutboxFolderSenderTests() =>
        _sender = new OutboxFolderSender(new OutboxFolderOptions { Path = _folder.Path },
            new FakeLogger<OutboxFolderSender>(), _time);

    public void Dispose() => _folder.Dispose();

    private string EmailFile(SendOutcome.Sent sent) =>
        Path.Combine(_sender.EmailFolder, sent.ProviderMessageId);

    [Fact]
    public async Task SendAsync_email_writesAnEmlWithBothBodiesAndTheInvitation()
    {
        var message = Samples.Email();

        var outcome = await _sender.SendAsync(message, CancellationToken.None);

        var sent = Assert.IsType<SendOutcome.Sent>(outcome);
        using var mime = await MimeMessage.LoadAsync(EmailFile(sent));
        Assert.Equal(message.To, mime.To.Mailboxes.Single().Address);
        Assert.Equal(message.Subject, mime.Subject);
        Assert.Equal(message.Text, mime.TextBody?.TrimEnd());
        Assert.Equal(message.Html, mime.HtmlBody?.TrimEnd());
        var invite = Assert.IsAssignableFrom<MimePart>(mime.Attachments.Single());
        Assert.Equal("invite.ics", invite.FileName);
        Assert.Equal("text/calendar", invite.ContentType.MimeType);
        Assert.Equal("REQUEST", invite.ContentType.Parameters["method"]);
        using var content = new MemoryStream();
        await invite.Content!.DecodeToAsync(content);
        Assert.Equal(Samples.Invite, content.ToArray());
    }

    [Fact]
    public async Task SendAsync_emailWithAccents_everyPartSevenBitWithItsTransferEncoding()
    {
        var message = Samples.Email() with { Text = "Señora Martín – confirmée", Html = "<p>Señora Martín</p>" };

        var outcome = await _sender.SendAsync(message, CancellationToken.None);

        var sent = Assert.IsType<SendOutcome.Sent>(outcome);
        var raw = await File.ReadAllBytesAsync(EmailFile(sent));
        Assert.All(raw, b => Assert.True(b < 128, "The file holds a byte outside 7-bit ASCII."));
        using var mime = await MimeMessage.LoadAsync(EmailFile(sent));
        Assert.Equal(message.Text, mime.TextBody?.TrimEnd());
        Assert.All(mime.BodyParts.OfType<TextPart>(),
            part => Assert.NotEqual(ContentEncoding.Default, part.ContentTransferEncoding));
    }

    [Fact]
    public async Task SendAsync_email_nestsTheBodiesAsAlternatives()
    {
        var outcome = await _sender.SendAsync(Samples.Email(), CancellationToken.None);

        var sent = Assert.IsType<SendOutcome.Sent>(outcome);
        using var mime = await MimeMessage.LoadAsync(EmailFile(sent));
        var mixed = Assert.IsType<Multipart>(mime.Body);
        Assert.Equal("multipart/mixed", mixed.ContentType.MimeType);
        var alternative = Assert.IsType<MultipartAlternative>(mixed[0]);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(part => part.ContentType.MimeType));
    }

    [Fact]
    public async Task SendAsync_sms_writesTheNumberAndTheText()
    {
        var message = Samples.Sms();

        var outcome = await _sender.SendAsync(message, CancellationToken.None);

        var sent = Assert.IsType<SendOutcome.Sent>(outcome);
        var content = await File.ReadAllTextAsync(Path.Combine(_sender.SmsFolder, sent.ProviderMessageId));
        Assert.Equal(
            $"To: {message.To}\nDate: Mon, 02 Mar 2026 09:00:00 GMT\n\n{message.Text}\n", content);
    }

    [Fact]
    public async Task SendAsync_anyMessage_namesFilesWithoutPersonalData()
    {
        var email = Samples.Email(key: $"confirm-{Samples.PatientAddress}");
        var sms = Samples.Sms(key: $"remind-{Samples.PatientPhone}");

        await _sender.SendAsync(email, CancellationToken.None);
        await _sender.SendAsync(sms, CancellationToken.None);

        var names = Directory.EnumerateFiles(_folder.Path, "*", SearchOption.AllDirectories)
            .Select(Path.GetFileName);
        Assert.Equal(2, names.Count());
        Assert.All(names, name =>
        {
            Assert.Matches("^20260302T090000000Z-[0-9a-f]{20}\\.(eml|txt)$", name);
            Assert.DoesNotContain("example.test", name, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("5550142", name, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task SendAsync_sameKeyTwice_writesOnceAndReturnsTheSameName()
    {
        var first = await _sender.SendAsync(Samples.Email(), CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(5));

        var second = await _sender.SendAsync(Samples.Email(), CancellationToken.None);
        var third = await _sender.SendAsync(Samples.Email("appt-7732-confirmed"), CancellationToken.None);

        Assert.Equal(first, second);
        Assert.NotEqual(first, third);
        Assert.Equal(2, Directory.GetFiles(_sender.EmailFolder).Length);
    }

    [Fact]
    public async Task SendAsync_sameSmsKeyConcurrently_writesOnce()
    {
        var sends = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            _sender.SendAsync(Samples.Sms(), CancellationToken.None)));

        var outcomes = await Task.WhenAll(sends);

        Assert.Single(outcomes.Distinct());
        Assert.Single(Directory.GetFiles(_sender.SmsFolder));
    }

    [Fact]
    public async Task SendAsync_afterWriting_leavesNoTemporaryFile()
    {
        await _sender.SendAsync(Samples.Email(), CancellationToken.None);
        await _sender.SendAsync(Samples.Sms(), CancellationToken.None);

        var files = Directory.EnumerateFiles(_folder.Path, "*", SearchOption.AllDirectories);
        Assert.DoesNotContain(files, file => file.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_invalidAddress_returnsPermanent()
    {
        var message = Samples.Email() with { To = "not an address <" };

        var outcome = await _sender.SendAsync(message, CancellationToken.None);

        Assert.Equal(new SendOutcome.Permanent("InvalidAddress"), outcome);
        Assert.False(
            Directory.Exists(_sender.EmailFolder) && Directory.EnumerateFiles(_sender.EmailFolder).Any());
    }

    [Fact]
    public void Options_byDefault_useTheDataOutboxFolder()
    {
        var options = new OutboxFolderOptions();

        var sender = new OutboxFolderSender(options, new FakeLogger<OutboxFolderSender>());

        Assert.Equal(Path.GetFullPath(Path.Combine(".data", "outbox", "email")), sender.EmailFolder);
        Assert.Equal(Path.GetFullPath(Path.Combine(".data", "outbox", "sms")), sender.SmsFolder);
    }

    [Fact]
    public async Task SendAsync_email_keepsNonAsciiTextIntact()
    {
        var message = Samples.Email() with { Subject = "Rendez-vous confirmé – Zoë", Text = "À demain." };

        var outcome = await _sender.SendAsync(message, CancellationToken.None);

        var sent = Assert.IsType<SendOutcome.Sent>(outcome);
        using var mime = await MimeMessage.LoadAsync(EmailFile(sent));
        Assert.Equal(message.Subject, mime.Subject);
        Assert.Equal(message.Text, mime.TextBody?.TrimEnd());
    }
}

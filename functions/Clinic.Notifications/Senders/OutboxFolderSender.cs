using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Clinic.Notifications.Senders;

/// <summary>
/// The local stand-in for both providers: each email becomes an <c>.eml</c> file in <c>email/</c> (text
/// and HTML alternatives, attachments such as <c>invite.ics</c> as they are), each text message a
/// <c>.txt</c> file in <c>sms/</c>, under <see cref="OutboxFolderOptions.Path"/>. Any mail client opens
/// the files.
/// </summary>
/// <remarks>
/// File names are the time of writing and a hash of the idempotency key, so they hold no address, number or
/// name and sort by time. A message whose key is already in the folder is not written again: the existing
/// file's name comes back as sent. Each file is written under a temporary name and then renamed, so a
/// reader never sees half a file. The key check and the rename are serialised within this process only; two
/// processes sharing one outbox could each write a message once.
/// </remarks>
public sealed class OutboxFolderSender : IEmailSender, ISmsSender
{
    private const int KeyHashLength = 20;

    private static readonly Lock Gate = new();

    private readonly OutboxFolderOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    public OutboxFolderSender(
        OutboxFolderOptions options, ILogger<OutboxFolderSender> logger, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Path, nameof(options));

        _options = options;
        _logger = logger;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The folder of the <c>.eml</c> files.</summary>
    public string EmailFolder => Path.GetFullPath(Path.Combine(_options.Path, "email"));

    /// <summary>The folder of the <c>.txt</c> files.</summary>
    public string SmsFolder => Path.GetFullPath(Path.Combine(_options.Path, "sms"));

    public Task<SendOutcome> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(message.To, nameof(message));
        ArgumentException.ThrowIfNullOrWhiteSpace(message.IdempotencyKey, nameof(message));
        ArgumentNullException.ThrowIfNull(message.Attachments, nameof(message));
        cancellationToken.ThrowIfCancellationRequested();

        var keyHash = KeyHash(message.IdempotencyKey);
        MimeMessage mime;
        try
        {
            mime = ToMime(message, keyHash);
        }
        catch (ParseException)
        {
            // The parser's message may quote the address; the code alone goes to the log.
            return Task.FromResult(Failed(Log.Email, new SendOutcome.Permanent("InvalidAddress")));
        }

        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        return Task.FromResult(Write(Log.Email, EmailFolder, keyHash, ".eml",
            stream => mime.WriteTo(format, stream, CancellationToken.None)));
    }

    public Task<SendOutcome> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(message.To, nameof(message));
        ArgumentException.ThrowIfNullOrWhiteSpace(message.IdempotencyKey, nameof(message));
        cancellationToken.ThrowIfCancellationRequested();

        var content = Encoding.UTF8.GetBytes(SmsFile(message));
        return Task.FromResult(Write(Log.Sms, SmsFolder, KeyHash(message.IdempotencyKey), ".txt",
            stream => stream.Write(content)));
    }

    /// <summary>
    /// The first hex digits of the key's SHA-256: unique enough for an outbox, and not reversible.
    /// </summary>
    internal static string KeyHash(string idempotencyKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..KeyHashLength];

    private SendOutcome Write(string channel, string folder, string keyHash, string extension,
        Action<Stream> writeContent)
    {
        try
        {
            lock (Gate)
                return WriteOnce(channel, folder, keyHash, extension, writeContent);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Failed(channel, new SendOutcome.Transient("io"));
        }
    }

    private SendOutcome WriteOnce(string channel, string folder, string keyHash, string extension,
        Action<Stream> writeContent)
    {
        Directory.CreateDirectory(folder);
        var existing = Directory.EnumerateFiles(folder, $"*-{keyHash}{extension}").FirstOrDefault();
        if (existing is not null)
        {
            var existingName = Path.GetFileName(existing);
            Log.OutboxRepeat(_logger, channel, existingName);
            return new SendOutcome.Sent(existingName);
        }

        var name = _time.GetUtcNow().ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture)
            + "-" + keyHash + extension;
        var temporary = Path.Combine(folder, $".{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(
                       temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                writeContent(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, Path.Combine(folder, name), overwrite: false);
        }
        finally
        {
            File.Delete(temporary);
        }

        Log.OutboxWritten(_logger, channel, name);
        return new SendOutcome.Sent(name);
    }

    private MimeMessage ToMime(EmailMessage message, string keyHash)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(_options.SenderAddress));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Date = _time.GetUtcNow();
        mime.MessageId = keyHash + "@outbox.clinic.example.test";

        var body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html };
        foreach (var attachment in message.Attachments)
        {
            body.Attachments.Add(
                attachment.Name, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        mime.Body = body.ToMessageBody();

        // Names and accents are not ASCII: each part gets the transfer encoding that mail standards ask for.
        mime.Prepare(EncodingConstraint.SevenBit);
        return mime;
    }

    private string SmsFile(SmsMessage message)
    {
        var date = _time.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
        return $"To: {message.To}\nDate: {date}\n\n{message.Text}\n";
    }

    private SendOutcome Failed(string channel, SendOutcome outcome)
    {
        Log.Failure(_logger, channel, outcome);
        return outcome;
    }
}

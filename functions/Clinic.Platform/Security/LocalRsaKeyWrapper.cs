using System.Security.Cryptography;

namespace Clinic.Platform.Security;

/// <summary>
/// The development stand-in for Key Vault: an RSA-3072 key in a PKCS#8 PEM file, made on first use and then
/// reused, wrapping with RSA-OAEP-256 like the vault. Whoever can read the file can read every billing log
/// written under it, so the file is created readable by its owner only and lives in the git-ignored data
/// folder. Not for Azure: a Functions instance's disk is neither private to one app nor lasting.
/// </summary>
public sealed class LocalRsaKeyWrapper : IKeyWrapper, IDisposable
{
    public const string KeyIdPrefix = "local:";

    private const int KeySizeBits = 3072;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = OwnerOnlyFile | UnixFileMode.UserExecute;

    // Threads of one process that start together make the key once; other processes are handled by the
    // file system (see Create).
    private static readonly Lock CreationGate = new();

    private readonly RSA _rsa;

    private LocalRsaKeyWrapper(RSA rsa)
    {
        _rsa = rsa;
        var thumbprint = SHA256.HashData(rsa.ExportSubjectPublicKeyInfo());
        KeyId = KeyIdPrefix + Convert.ToHexStringLower(thumbprint)[..16];
    }

    /// <summary><c>local:</c> and 16 hex digits of the SHA-256 of the public key.</summary>
    public string KeyId { get; }

    /// <summary>Reads the key at <paramref name="path"/>, creating it first when there is none.</summary>
    public static LocalRsaKeyWrapper OpenOrCreate(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);

        var fullPath = Path.GetFullPath(path);
        lock (CreationGate)
        {
            if (!File.Exists(fullPath))
                Create(fullPath);
        }

        return Open(fullPath);
    }

    /// <summary>Reads the key at <paramref name="path"/>; never creates one (the auditor's way in).</summary>
    public static LocalRsaKeyWrapper Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);

        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(File.ReadAllText(path));
            return new LocalRsaKeyWrapper(rsa);
        }
        catch
        {
            rsa.Dispose();
            throw;
        }
    }

    public Task<WrappedKey> WrapAsync(ReadOnlyMemory<byte> key, CancellationToken cancellationToken)
    {
        if (key.IsEmpty)
            throw new ArgumentException("There is no key to wrap.", nameof(key));

        var value = _rsa.Encrypt(key.Span, RSAEncryptionPadding.OaepSHA256);
        return Task.FromResult(new WrappedKey(KeyId, KeyWrapAlgorithms.RsaOaep256, value));
    }

    public Task<byte[]> UnwrapAsync(WrappedKey wrapped, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wrapped);

        if (wrapped.KeyId != KeyId || wrapped.Algorithm != KeyWrapAlgorithms.RsaOaep256)
            throw new ArgumentException($"The data key was not wrapped by {KeyId}.", nameof(wrapped));

        return Task.FromResult(_rsa.Decrypt(wrapped.Value, RSAEncryptionPadding.OaepSHA256));
    }

    public void Dispose() => _rsa.Dispose();

    /// <summary>
    /// Writes the key to a private temporary file and links it into place only if nothing is there yet: a
    /// reader never sees half a key, and when two processes race, both end up using the one that won.
    /// </summary>
    private static void Create(string fullPath)
    {
        var folder = Path.GetDirectoryName(fullPath)!;
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(folder);
        else
            Directory.CreateDirectory(folder, OwnerOnlyFolder);

        using var rsa = RSA.Create(KeySizeBits);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            WritePrivately(temporary, rsa.ExportPkcs8PrivateKeyPem());
            File.Move(temporary, fullPath, overwrite: false);
        }
        catch (IOException) when (File.Exists(fullPath))
        {
            // Another process created the key first; its key is the one to use.
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static void WritePrivately(string path, string pem)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = OwnerOnlyFile;

        using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options);
        writer.Write(pem);
    }
}

namespace Clinic.LogAuditor;

/// <summary>What the operator asked for on the command line.</summary>
public sealed record AuditorOptions(IReadOnlyList<string> LogFiles, string? LocalKeyPath, Uri? KeyVaultKeyId)
{
    public const string Usage =
        """
        Decrypts the encrypted billing records of JSON-lines log files and prints them, one JSON object a
        line, to stdout. Each run appends its own audit record to every file it read and prints it to stderr.

        Usage: Clinic.LogAuditor <log.jsonl>... (--key-vault-key-id <uri> | --local-key <path>)

          --key-vault-key-id  https://{vault}.vault.azure.net/keys/{name}[/{version}]; any version of that
                              key unwraps (credential: DefaultAzureCredential, e.g. az login)
          --local-key         the PEM file of the development key (BillingLogs:LocalKeyPath)

        Exit codes: 0 all decrypted, 1 some records could not be decrypted, 2 nothing was done.
        """;

    /// <summary>The options, or null with the reason in <paramref name="error"/>.</summary>
    public static AuditorOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);

        var files = new List<string>();
        string? localKey = null;
        Uri? vaultKey = null;
        error = null;
        for (var i = 0; i < args.Count && error is null; i++)
        {
            switch (args[i])
            {
                case "--local-key" when i + 1 < args.Count:
                    localKey = args[++i];
                    break;
                case "--key-vault-key-id" when i + 1 < args.Count:
                    vaultKey = Uri.TryCreate(args[++i], UriKind.Absolute, out var uri) ? uri : null;
                    error = vaultKey is null ? "--key-vault-key-id needs an absolute URI." : null;
                    break;
                case var option when option.StartsWith('-'):
                    error = $"Unknown or incomplete option {option}.";
                    break;
                default:
                    files.Add(args[i]);
                    break;
            }
        }

        error ??= files.Count == 0 ? "Name at least one log file."
            : (localKey is null) == (vaultKey is null)
                ? "Give exactly one of --key-vault-key-id, --local-key."
            : null;
        return error is null ? new AuditorOptions(files, localKey, vaultKey) : null;
    }
}

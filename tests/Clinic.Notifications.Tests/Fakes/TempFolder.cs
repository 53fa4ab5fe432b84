namespace Clinic.Notifications.Tests.Fakes;

/// <summary>A folder of its own for one test, removed afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("clinic-notifications-tests-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

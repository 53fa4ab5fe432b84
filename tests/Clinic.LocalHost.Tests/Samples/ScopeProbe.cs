namespace Clinic.LocalHost.Tests.Samples;

/// <summary>A scoped service that knows its scope apart from others, and when its scope ended.</summary>
public sealed class ScopeProbe : IDisposable
{
    public Guid Id { get; } = Guid.NewGuid();

    public bool Disposed { get; private set; }

    public void Dispose() => Disposed = true;
}

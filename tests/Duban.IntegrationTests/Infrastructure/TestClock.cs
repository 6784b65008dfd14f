namespace Duban.IntegrationTests.Infrastructure;

/// <summary>The app's clock in tests: real time unless a test pins it.</summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset? pinned;

    public override DateTimeOffset GetUtcNow() => pinned ?? DateTimeOffset.UtcNow;

    public IDisposable Pin(DateTimeOffset at)
    {
        pinned = at;
        return new Unpin(this);
    }

    private sealed class Unpin(TestClock clock) : IDisposable
    {
        public void Dispose() => clock.pinned = null;
    }
}

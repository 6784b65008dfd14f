namespace Duban.Data;

/// <summary>Who is acting: a signed-in account, or the system itself (CLI, jobs, seeding).</summary>
public sealed record Actor(int? AccountId, string Name, int? RegionId)
{
    public static readonly Actor System = new(null, "system", null);
}

/// <summary>
/// The seam between the data layer and whoever is calling: the web request's user, or the CLI.
/// The region it returns also scopes every query to one tenant.
/// </summary>
public interface IActorAccessor
{
    Actor Current { get; }
}

public sealed class SystemActorAccessor : IActorAccessor
{
    public Actor Current => Actor.System;
}

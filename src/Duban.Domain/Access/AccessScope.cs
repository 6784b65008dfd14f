using Duban.Domain.Organisation;
using Duban.Domain.Work;

namespace Duban.Domain.Access;

/// <summary>
/// Who is asking: always one region, and inside it either everything (the office, the administrator, the
/// auditor) or the subtrees of the units the account belongs to; the person it acts as; and its roles, which
/// <see cref="PermissionTable"/> turns into what it may do. Work that names the person (as leader or liaison)
/// is added by the features that own that work.
/// </summary>
public sealed record AccessScope(int RegionId, bool RegionWide, IReadOnlyList<string> UnitPaths, int? PersonId)
{
    /// <summary>The account's roles; empty for the app's own jobs, which use no permission checks.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>The account acting, when there is one: nobody decides their own request.</summary>
    public int? AccountId { get; init; }

    public static AccessScope WholeRegion(int regionId, int? personId = null) => new(regionId, true, [], personId);

    public static AccessScope Subtrees(int regionId, IReadOnlyList<string> unitPaths, int? personId) =>
        new(regionId, false, unitPaths, personId);

    public bool CanSee(int regionId, string unitPath) =>
        regionId == RegionId && (RegionWide || UnitPaths.Any(p => UnitPath.IsWithin(unitPath, p)));

    public bool CanSee(Unit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return CanSee(unit.RegionId, unit.Path);
    }

    public Reach ReachOf(Permission permission) => PermissionTable.ReachOf(Roles, permission);

    /// <summary>Whether the roles grant this at all, e.g. before a route looks for the item or a page shows a menu entry.</summary>
    public bool May(Permission permission) => PermissionTable.AnyReach(Roles, permission);

    /// <summary>
    /// Whether the roles grant this on an item the scope has already found through the visibility filter:
    /// region-wide grants reach every item of the region, visible grants every item found, led grants only the
    /// items whose lead unit lies in one's subtree or that name one as liaison.
    /// </summary>
    public bool May(Permission permission, WorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.RegionId != RegionId)
        {
            return false;
        }

        return PermissionTable.ReachOf(Roles, permission) switch
        {
            Reach.Region or Reach.Visible => true,
            Reach.Led => Leads(item),
            Reach.Named => PersonId is { } p && (item.LeaderId == p || item.LiaisonId == p),
            _ => false,
        };
    }

    /// <summary>Decide a request: the permission, and never one's own request.</summary>
    public bool MayDecide(WorkItem item, int? requestedById) =>
        May(Permission.Decide, item) && (AccountId is null || requestedById != AccountId);

    /// <summary>The item's lead unit is in one of the scope's subtrees, or the item names the scope's person as liaison.</summary>
    public bool Leads(WorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return (PersonId is { } p && item.LiaisonId == p) || UnitPaths.Any(path => UnitPath.IsWithin(item.LeadUnitPath, path));
    }

    /// <summary>Refuses with <see cref="NotPermittedException"/> unless <see cref="May(Permission, WorkItem)"/>.</summary>
    public void Demand(Permission permission, WorkItem item)
    {
        if (!May(permission, item))
        {
            throw new NotPermittedException(permission);
        }
    }

    /// <summary>Refuses with <see cref="NotPermittedException"/> unless <see cref="May(Permission)"/>.</summary>
    public void Demand(Permission permission)
    {
        if (!May(permission))
        {
            throw new NotPermittedException(permission);
        }
    }
}

/// <summary>The permission table says no. Pages and routes answer 403 with a message in the user's language.</summary>
public sealed class NotPermittedException : Exception
{
    public NotPermittedException(Permission permission)
        : base($"Not permitted: {permission}.") => Permission = permission;

    public NotPermittedException()
        : base("Not permitted.")
    {
    }

    public NotPermittedException(string message)
        : base(message)
    {
    }

    public NotPermittedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public Permission? Permission { get; }
}

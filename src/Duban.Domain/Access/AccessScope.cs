using Duban.Domain.Organisation;

namespace Duban.Domain.Access;

/// <summary>
/// What one signed-in account may see: always one region, and inside it either everything
/// (system administrator, supervision office) or the subtrees of the units it belongs to.
/// Work that names the person (as leader or liaison) is added by the features that own that work.
/// </summary>
public sealed record AccessScope(int RegionId, bool RegionWide, IReadOnlyList<string> UnitPaths, int? PersonId)
{
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
}

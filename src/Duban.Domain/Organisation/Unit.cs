namespace Duban.Domain.Organisation;

public enum UnitKind
{
    /// <summary>Leadership body (县委/县政府), the root of a region's tree.</summary>
    Leadership = 0,

    /// <summary>Supervision office (督查室 / 督考办).</summary>
    SupervisionOffice = 1,

    Department = 2,
    TownOrStreet = 3,
    DevelopmentZone = 4,
    TaskForce = 5,
}

/// <summary>
/// An organisation that owns work. Units form a tree inside a region; <see cref="Path"/> is the
/// materialised path ("/1/4/9/") so that "this unit and everything below it" is one prefix query.
/// </summary>
public sealed class Unit : IRegionOwned, IAudited
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public int? ParentId { get; set; }
    public required string Name { get; set; }
    public string? ShortName { get; set; }
    public UnitKind Kind { get; set; }
    public string Path { get; set; } = "/";
    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;

    public int Depth => UnitPath.Depth(Path);
}

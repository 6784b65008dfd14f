namespace Duban.Domain;

/// <summary>Every row of tenant data belongs to exactly one region.</summary>
public interface IRegionOwned
{
    int RegionId { get; }
}

/// <summary>Marks entities whose every change is written to the audit trail.</summary>
public interface IAudited
{
    int Id { get; }
}

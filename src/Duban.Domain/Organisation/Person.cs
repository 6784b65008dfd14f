namespace Duban.Domain.Organisation;

/// <summary>A person known to the region: a leader, a liaison, office staff. An account may sign in as a person.</summary>
public sealed class Person : IRegionOwned, IAudited
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public int UnitId { get; set; }
    public required string Name { get; set; }

    /// <summary>Post or title, e.g. 副县长, 局长, 联络员.</summary>
    public string? Title { get; set; }

    public string? Phone { get; set; }
    public string? Email { get; set; }

    /// <summary>Can be named as the answerable leader (责任领导) of work.</summary>
    public bool IsLeader { get; set; }

    public bool IsActive { get; set; } = true;
}

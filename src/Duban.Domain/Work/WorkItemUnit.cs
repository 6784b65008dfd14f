namespace Duban.Domain.Work;

/// <summary>A supporting unit (配合单位) of a work item, with its tree path for the scope filter.</summary>
public sealed class WorkItemUnit : IRegionOwned
{
    public int WorkItemId { get; set; }
    public int UnitId { get; set; }
    public int RegionId { get; set; }
    public string UnitPath { get; set; } = "/";
}

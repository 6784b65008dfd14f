namespace Duban.Domain.Organisation;

public sealed class Region : IAudited
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>Administrative division code, e.g. 330110.</summary>
    public required string Code { get; set; }

    /// <summary>IANA time zone that decides what "today" is for deadlines in this region.</summary>
    public string TimeZoneId { get; set; } = RegionClock.DefaultTimeZoneId;
}

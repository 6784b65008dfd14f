namespace Duban.Domain.Work;

/// <summary>A named list of work for a year (任务清单/台账), e.g. "2026年县政府重点工作任务清单".</summary>
public sealed class Ledger : IRegionOwned, IAudited
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public required string Name { get; set; }
    public int Year { get; set; }
    public SourceKind SourceKind { get; set; } = SourceKind.Document;
    public string? SourceTitle { get; set; }
    public bool IsArchived { get; set; }

    /// <summary>Light settings for this ledger only; null means the region's.</summary>
    public int? DueSoonDays { get; set; }
    public bool? DueSoonInWorkdays { get; set; }
    public int? LagPoints { get; set; }
    public int? MissedReportsForYellow { get; set; }

    public LightSettings SettingsOver(LightSettings region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return new LightSettings
        {
            DueSoonDays = DueSoonDays ?? region.DueSoonDays,
            DueSoonInWorkdays = DueSoonInWorkdays ?? region.DueSoonInWorkdays,
            LagPoints = LagPoints ?? region.LagPoints,
            MissedReportsForYellow = MissedReportsForYellow ?? region.MissedReportsForYellow,
        };
    }

    public bool HasOwnSettings => DueSoonDays is not null || DueSoonInWorkdays is not null || LagPoints is not null || MissedReportsForYellow is not null;
}

/// <summary>A region's light settings (one row per region).</summary>
public sealed class RegionLightSettings : IRegionOwned, IAudited
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public int DueSoonDays { get; set; } = 7;
    public bool DueSoonInWorkdays { get; set; }
    public int LagPoints { get; set; } = 20;
    public int MissedReportsForYellow { get; set; } = 2;

    public LightSettings ToSettings() => new()
    {
        DueSoonDays = DueSoonDays,
        DueSoonInWorkdays = DueSoonInWorkdays,
        LagPoints = LagPoints,
        MissedReportsForYellow = MissedReportsForYellow,
    };
}

/// <summary>An official exception to the weekly rhythm: a holiday on a weekday, or a make-up workday on a weekend.</summary>
public sealed class CalendarDay : IRegionOwned, IAudited
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public DateOnly Date { get; set; }
    public bool IsWorkday { get; set; }
    public required string Name { get; set; }
}

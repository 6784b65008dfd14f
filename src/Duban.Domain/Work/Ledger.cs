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
        return region with
        {
            DueSoonDays = DueSoonDays ?? region.DueSoonDays,
            DueSoonInWorkdays = DueSoonInWorkdays ?? region.DueSoonInWorkdays,
            LagPoints = LagPoints ?? region.LagPoints,
            MissedReportsForYellow = MissedReportsForYellow ?? region.MissedReportsForYellow,
        };
    }

    public bool HasOwnSettings => DueSoonDays is not null || DueSoonInWorkdays is not null || LagPoints is not null || MissedReportsForYellow is not null;
}

/// <summary>
/// A region's rules (one row per region, edited on /Settings): the light settings that ledgers inherit, and
/// the urging ladder — how early reminders go out, and after how many days overdue a reminder letter and
/// then a supervision notice are issued automatically.
/// </summary>
public sealed class RegionLightSettings : IRegionOwned, IAudited
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public int DueSoonDays { get; set; } = 7;
    public bool DueSoonInWorkdays { get; set; }
    public int LagPoints { get; set; } = 20;
    public int MissedReportsForYellow { get; set; } = 2;

    /// <summary>Reminders go out this many days before a milestone or deadline (0: on the day only).</summary>
    public int RemindDaysBefore { get; set; } = 3;

    /// <summary>Days overdue after which a reminder letter (提醒函) is issued; null: never automatically.</summary>
    public int? LetterAfterOverdueDays { get; set; } = 3;

    /// <summary>Days overdue after which a supervision notice (督办单) is issued; null: never automatically.</summary>
    public int? NoticeAfterOverdueDays { get; set; } = 10;

    /// <summary>An automatic letter or notice must be answered within this many workdays.</summary>
    public int AnswerWithinWorkdays { get; set; } = 3;

    public EscalationLadder Ladder => new(LetterAfterOverdueDays, NoticeAfterOverdueDays);

    /// <summary>Projects: months after the planned start month without a start for yellow, and for red.</summary>
    public int StartLateYellowMonths { get; set; } = 1;
    public int StartLateRedMonths { get; set; } = 3;

    /// <summary>Projects: points behind time progress for yellow (at least) and red (more than).</summary>
    public int GapYellowPoints { get; set; } = 10;
    public int GapRedPoints { get; set; } = 30;

    /// <summary>Projects: twelve cumulative percentages ("5,12,20,…,100"), or empty for months ÷ 12.</summary>
    public string? TimeCurve { get; set; }

    /// <summary>Indicators: points behind time progress for yellow and for red; whether negative growth is red; the bureau's day of the month.</summary>
    public int IndicatorYellowPoints { get; set; } = 5;
    public int IndicatorRedPoints { get; set; } = 10;
    public bool IndicatorShrinkingRed { get; set; } = true;
    public int IndicatorDueDay { get; set; } = 20;

    /// <summary>Leads: days without a contact for yellow and for red; months signed and not landed for yellow and for red.</summary>
    public int LeadStaleYellowDays { get; set; } = 30;
    public int LeadStaleRedDays { get; set; } = 60;
    public int LeadUnlandedYellowMonths { get; set; } = 3;
    public int LeadUnlandedRedMonths { get; set; } = 6;

    /// <summary>Bulletins: the weekly draft is composed on this day at <see cref="BulletinHour"/> (the monthly on the month's last day).</summary>
    public DayOfWeek BulletinWeekday { get; set; } = DayOfWeek.Friday;

    public int BulletinHour { get; set; } = 17;

    /// <summary>Bulletins: the issuing office's name (编发单位); empty for the region's name and "督查室".</summary>
    public string? BulletinOffice { get; set; }

    public LightSettings ToSettings() => new()
    {
        DueSoonDays = DueSoonDays,
        DueSoonInWorkdays = DueSoonInWorkdays,
        LagPoints = LagPoints,
        MissedReportsForYellow = MissedReportsForYellow,
        StartLateYellowMonths = StartLateYellowMonths,
        StartLateRedMonths = StartLateRedMonths,
        GapYellowPoints = GapYellowPoints,
        GapRedPoints = GapRedPoints,
        TimeCurve = Projects.Investment.ParseCurve(TimeCurve, out _),
        IndicatorYellowPoints = IndicatorYellowPoints,
        IndicatorRedPoints = IndicatorRedPoints,
        IndicatorShrinkingRed = IndicatorShrinkingRed,
        IndicatorDueDay = IndicatorDueDay,
        LeadStaleYellowDays = LeadStaleYellowDays,
        LeadStaleRedDays = LeadStaleRedDays,
        LeadUnlandedYellowMonths = LeadUnlandedYellowMonths,
        LeadUnlandedRedMonths = LeadUnlandedRedMonths,
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

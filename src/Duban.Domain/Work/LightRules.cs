namespace Duban.Domain.Work;

/// <summary>A region's (or one ledger's) light settings. Defaults are the common practice.</summary>
public sealed record LightSettings
{
    public int DueSoonDays { get; init; } = 7;

    /// <summary>Count <see cref="DueSoonDays"/> in workdays of the region's calendar instead of calendar days.</summary>
    public bool DueSoonInWorkdays { get; init; }

    /// <summary>Yellow when progress lags the share of time gone by this many percentage points or more.</summary>
    public int LagPoints { get; init; } = 20;

    /// <summary>Yellow when this many reports in a row are missing.</summary>
    public int MissedReportsForYellow { get; init; } = 2;

    /// <summary>Projects: yellow this many months after the planned start month passed without a start.</summary>
    public int StartLateYellowMonths { get; init; } = 1;

    /// <summary>Projects: red this many months after the planned start month passed without a start.</summary>
    public int StartLateRedMonths { get; init; } = 3;

    /// <summary>Projects: yellow when investment is this many points or more behind time progress.</summary>
    public int GapYellowPoints { get; init; } = 10;

    /// <summary>Projects: red when investment is more than this many points behind time progress.</summary>
    public int GapRedPoints { get; init; } = 30;

    /// <summary>Projects: the region's time-progress curve (twelve cumulative percentages), or null for months ÷ 12.</summary>
    public IReadOnlyList<int>? TimeCurve { get; init; }

    public static readonly LightSettings Default = new();
}

/// <summary>What the light of one item depends on.</summary>
public sealed record LightFacts(
    WorkItemStatus Status,
    DateOnly StartDate,
    DateOnly? Deadline,
    DateOnly? NextMilestoneDue,
    string? NextMilestoneName,
    int? Percent,
    ReportingCadence Cadence,
    DateTime? NextReportDueAt,
    DateOnly? ExemptUntil,
    int? PlannedStartMonth = null,
    int? InvestmentYear = null,
    int? InvestmentPercent = null,
    int OverdueProblems = 0);

public sealed record LightResult(Light Light, LightReason Reason, DateOnly? ReasonDate = null, string? ReasonText = null, int? ReasonNumber = null);

/// <summary>
/// The moment a light is computed for: the region's today and local now, and the limits derived from
/// the settings and the calendar. Computed once per recompute, then applied to every item.
/// </summary>
public sealed record LightMoment(DateOnly Today, DateTime LocalNow, DateOnly DueSoonLimit, LightSettings Settings, TimeZoneInfo Zone)
{
    /// <summary>Today's month as a month index (year × 12 + month − 1), to count months late.</summary>
    public int MonthIndex => Projects.Investment.MonthIndex(Today);

    /// <summary>The share of the year's investment plan that should be done by today (序时进度), in points.</summary>
    public int TimeProgress => Projects.Investment.TimeProgress(Today, Settings.TimeCurve);

    /// <summary>Points a project's investment is behind time progress this year; null where it means nothing.</summary>
    public int? InvestmentGap(LightFacts item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.InvestmentYear == Today.Year && item.InvestmentPercent is { } done && TimeProgress > 0 ? TimeProgress - done : null;
    }

    public static LightMoment For(DateTime utcNow, TimeZoneInfo zone, LightSettings settings, WorkdayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(calendar);
        var localNow = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc), zone);
        var today = DateOnly.FromDateTime(localNow);
        var limit = settings.DueSoonInWorkdays ? calendar.AddWorkdays(today, settings.DueSoonDays) : today.AddDays(settings.DueSoonDays);
        return new LightMoment(today, localNow, limit, settings, zone);
    }

    /// <summary>
    /// A report due (UTC) at or before this instant means <see cref="LightSettings.MissedReportsForYellow"/>
    /// reports in a row are missing: the first due point passed, and then that many minus one more periods.
    /// </summary>
    public DateTime MissedThreshold(CadenceKind cadence)
    {
        var back = Math.Max(0, Settings.MissedReportsForYellow - 1);
        var local = cadence switch
        {
            CadenceKind.Weekly => LocalNow.AddDays(-7 * back),
            CadenceKind.Biweekly => LocalNow.AddDays(-14 * back),
            CadenceKind.Monthly => LocalNow.AddMonths(-back),
            CadenceKind.Quarterly => LocalNow.AddMonths(-3 * back),
            _ => DateTime.MinValue,
        };
        return local == DateTime.MinValue ? DateTime.MinValue : TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);
    }
}

/// <summary>
/// The default light rules, in order: done when closed; grey when paused or not started; green while
/// exempted; red when a milestone or the deadline has passed undone, when a project is long past its
/// planned start or far behind on investment; yellow when one is due soon, when a project is past its
/// planned start, behind on investment or has an overdue problem, when progress lags the share of time
/// gone, or when reports are missing; green otherwise.
/// The database recompute (set-based) implements the same rules; a test holds the two together.
/// </summary>
public static class LightRules
{
    public static LightResult Evaluate(LightFacts item, LightMoment at)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(at);
        var today = at.Today;
        if (item.Status == WorkItemStatus.Closed)
        {
            return new(Light.Done, LightReason.Closed);
        }

        if (item.Status == WorkItemStatus.Paused)
        {
            return new(Light.Grey, LightReason.Paused);
        }

        if (item.Status == WorkItemStatus.NotStarted || item.StartDate > today)
        {
            return new(Light.Grey, LightReason.NotStarted, item.StartDate);
        }

        if (item.ExemptUntil >= today)
        {
            return new(Light.Green, LightReason.Exempted, item.ExemptUntil);
        }

        if (item.NextMilestoneDue < today)
        {
            return new(Light.Red, LightReason.MilestoneOverdue, item.NextMilestoneDue, item.NextMilestoneName);
        }

        if (item.Deadline < today)
        {
            return new(Light.Red, LightReason.DeadlineOverdue, item.Deadline);
        }

        var monthsLate = item.PlannedStartMonth is { } planned ? at.MonthIndex - planned : (int?)null;
        if (monthsLate >= at.Settings.StartLateRedMonths)
        {
            return new(Light.Red, LightReason.StartOverdueLong, null, null, monthsLate);
        }

        var gap = at.InvestmentGap(item);
        if (gap > at.Settings.GapRedPoints)
        {
            return new(Light.Red, LightReason.InvestmentFarBehind, null, null, gap);
        }

        if (item.NextMilestoneDue <= at.DueSoonLimit)
        {
            return new(Light.Yellow, LightReason.MilestoneDueSoon, item.NextMilestoneDue, item.NextMilestoneName);
        }

        if (item.Deadline <= at.DueSoonLimit)
        {
            return new(Light.Yellow, LightReason.DeadlineDueSoon, item.Deadline);
        }

        if (monthsLate >= at.Settings.StartLateYellowMonths)
        {
            return new(Light.Yellow, LightReason.StartOverdue, null, null, monthsLate);
        }

        if (gap >= at.Settings.GapYellowPoints)
        {
            return new(Light.Yellow, LightReason.InvestmentBehind, null, null, gap);
        }

        if (item.OverdueProblems > 0)
        {
            return new(Light.Yellow, LightReason.ProblemOverdue, null, null, item.OverdueProblems);
        }

        if (Lag(item, today) is { } expected && expected - item.Percent!.Value >= at.Settings.LagPoints)
        {
            return new(Light.Yellow, LightReason.Lagging, null, null, expected);
        }

        if (item.Cadence.Kind != CadenceKind.None && item.NextReportDueAt <= at.MissedThreshold(item.Cadence.Kind))
        {
            return new(Light.Yellow, LightReason.ReportsMissing, null, null, at.Settings.MissedReportsForYellow);
        }

        return new(Light.Green, LightReason.OnTrack);
    }

    /// <summary>The percent a steady pace would have reached today (时序进度), or null where it means nothing.</summary>
    public static int? Lag(LightFacts item, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Percent is null || item.Deadline is not { } deadline || deadline <= item.StartDate)
        {
            return null;
        }

        var span = deadline.DayNumber - item.StartDate.DayNumber;
        var gone = today.DayNumber - item.StartDate.DayNumber;
        return gone * 100 / span;
    }
}

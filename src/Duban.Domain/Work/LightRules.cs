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
    DateOnly? ExemptUntil);

public sealed record LightResult(Light Light, LightReason Reason, DateOnly? ReasonDate = null, string? ReasonText = null, int? ReasonNumber = null);

/// <summary>
/// The moment a light is computed for: the region's today and local now, and the limits derived from
/// the settings and the calendar. Computed once per recompute, then applied to every item.
/// </summary>
public sealed record LightMoment(DateOnly Today, DateTime LocalNow, DateOnly DueSoonLimit, LightSettings Settings, TimeZoneInfo Zone)
{
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
/// exempted; red when a milestone or the deadline has passed undone; yellow when one is due soon, when
/// progress lags the share of time gone, or when reports are missing; green otherwise.
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

        if (item.NextMilestoneDue <= at.DueSoonLimit)
        {
            return new(Light.Yellow, LightReason.MilestoneDueSoon, item.NextMilestoneDue, item.NextMilestoneName);
        }

        if (item.Deadline <= at.DueSoonLimit)
        {
            return new(Light.Yellow, LightReason.DeadlineDueSoon, item.Deadline);
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

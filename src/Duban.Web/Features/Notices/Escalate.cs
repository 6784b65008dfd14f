using System.Globalization;
using Duban.Data;
using Duban.Domain;
using Duban.Domain.Work;
using Duban.Web.Features.Lights;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Notices;

/// <summary>
/// Climbs the region's urging ladder (<see cref="EscalationLadder"/>): an item overdue long enough gets a
/// numbered reminder letter, later a supervision notice, each once per overdue spell (since its light
/// turned red). Notices the office issued by hand in that spell count. Runs with the hourly reminders.
/// </summary>
public sealed class Escalate(DubanDb db, TimeProvider clock, QueueDeliveries queue, IStringLocalizer<SharedResource> l)
{
    public async Task<int> RunAsync(int regionId, CancellationToken ct = default)
    {
        var region = await db.Regions.IgnoreQueryFilters().FirstAsync(r => r.Id == regionId, ct);
        var settings = await db.RegionLightSettings.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(s => s.RegionId == regionId, ct) ?? new RegionLightSettings();
        var ladder = settings.Ladder;
        var first = Math.Min(ladder.LetterAfterDays ?? int.MaxValue, ladder.NoticeAfterDays ?? int.MaxValue);
        if (first == int.MaxValue)
        {
            return 0;
        }

        var utcNow = clock.GetUtcNow().UtcDateTime;
        var today = RegionClock.Today(clock, region.TimeZoneId);
        var dueBy = today.AddDays(-first);
        var notices = db.Notices.IgnoreQueryFilters();
        var candidates = await db.WorkItems.IgnoreQueryFilters()
            .Where(w => w.RegionId == regionId && w.Status != WorkItemStatus.Closed && w.Status != WorkItemStatus.Paused
                && (w.LightReason == LightReason.MilestoneOverdue || w.LightReason == LightReason.DeadlineOverdue)
                && w.LightReasonDate <= dueBy)
            .Select(w => new
            {
                Item = w,
                Letter = notices.Any(n => n.WorkItemId == w.Id && n.Kind == NoticeKind.ReminderLetter && n.IssuedAt >= w.LightSince),
                Notice = notices.Any(n => n.WorkItemId == w.Id && n.Kind == NoticeKind.SupervisionNotice && n.IssuedAt >= w.LightSince),
            })
            .ToListAsync(ct);
        if (candidates.Count == 0)
        {
            return 0;
        }

        var calendar = await RecomputeLights.LoadCalendarAsync(db, regionId, ct);
        var answerBy = calendar.AddWorkdays(today, settings.AnswerWithinWorkdays);
        var issued = 0;
        foreach (var c in candidates)
        {
            var days = today.DayNumber - c.Item.LightReasonDate!.Value.DayNumber;
            if (ladder.Due(days, c.Letter, c.Notice) is not { } kind)
            {
                continue;
            }

            var due = c.Item.LightReasonDate.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var what = c.Item.LightReason == LightReason.MilestoneOverdue ? l["Escalation.Milestone", c.Item.LightReasonText ?? string.Empty].Value : l["Escalation.Deadline"].Value;
            var body = l[kind == NoticeKind.SupervisionNotice ? "Escalation.NoticeBody" : "Escalation.LetterBody", c.Item.Name, what, due, days].Value;
            await NoticeIssuer.IssueAsync(db, queue, l, c.Item, kind, body, answerBy, l["Escalation.IssuedBy"].Value, utcNow, today.Year, ct);
            issued++;
        }

        return issued;
    }
}

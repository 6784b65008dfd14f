using System.Globalization;
using Duban.Data;
using Duban.Domain.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Notices;

/// <summary>
/// Reminders (催办/催报) from the lights: due soon and overdue at most once a day per item and person,
/// a missing report once per due point. They go to the lead unit's accounts and to the named leader and
/// liaison, in the in-app inbox. "Due soon" is the region's reminder lead time (<see cref="RegionLightSettings.RemindDaysBefore"/>),
/// set apart from the yellow light's window. Messages are written in the region's default language (Chinese).
/// </summary>
public sealed class SendReminders(DubanDb db, TimeProvider clock, QueueDeliveries queue, IStringLocalizer<SharedResource> l)
{
    public async Task<int> RunAsync(int regionId, CancellationToken ct = default)
    {
        var region = await db.Regions.IgnoreQueryFilters().FirstAsync(r => r.Id == regionId, ct);
        var utcNow = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utcNow, TimeZoneInfo.FindSystemTimeZoneById(region.TimeZoneId)));
        var day = today.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var settings = await db.RegionLightSettings.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(s => s.RegionId == regionId, ct) ?? new RegionLightSettings();
        var soon = today.AddDays(settings.RemindDaysBefore);

        var items = await db.WorkItems.IgnoreQueryFilters().AsNoTracking()
            .Where(w => w.RegionId == regionId && w.Status != WorkItemStatus.Closed && w.Status != WorkItemStatus.Paused
                && w.LightReason != LightReason.Exempted && w.LightReason != LightReason.NotStarted
                && (w.Light == Light.Red
                    || (w.NextMilestoneDue >= today && w.NextMilestoneDue <= soon) || (w.Deadline >= today && w.Deadline <= soon)
                    || (w.CadenceKind != CadenceKind.None && w.NextReportDueAt < utcNow)))
            .Select(w => new { w.Id, w.Name, w.LeadUnitId, w.LeaderId, w.LiaisonId, w.Light, w.NextReportDueAt, DueSoon = (w.NextMilestoneDue >= today && w.NextMilestoneDue <= soon) || (w.Deadline >= today && w.Deadline <= soon) })
            .ToListAsync(ct);
        if (items.Count == 0)
        {
            return 0;
        }

        var accounts = await db.Users.IgnoreQueryFilters().Where(a => a.RegionId == regionId && a.LockoutEnd == null)
            .Select(a => new { a.Id, a.UnitId, a.PersonId }).ToListAsync(ct);
        var byUnit = accounts.Where(a => a.UnitId != null).ToLookup(a => a.UnitId!.Value, a => a.Id);
        var byPerson = accounts.Where(a => a.PersonId != null).ToLookup(a => a.PersonId!.Value, a => a.Id);

        var messages = new List<Message>();
        foreach (var item in items)
        {
            var to = byUnit[item.LeadUnitId]
                .Concat(item.LeaderId is { } leader ? byPerson[leader] : [])
                .Concat(item.LiaisonId is { } liaison ? byPerson[liaison] : [])
                .Distinct()
                .ToList();
            var (kind, key) = item.Light == Light.Red ? (MessageKind.Overdue, $"Overdue:{item.Id}:{{0}}:{day}")
                : item.DueSoon ? (MessageKind.DueSoon, $"DueSoon:{item.Id}:{{0}}:{day}")
                : (MessageKind.ReportMissing, $"Missing:{item.Id}:{{0}}:{item.NextReportDueAt!.Value.Ticks}");
            foreach (var account in to)
            {
                messages.Add(new Message
                {
                    RegionId = regionId,
                    AccountId = account,
                    WorkItemId = item.Id,
                    Kind = kind,
                    Title = l["Reminders." + kind, item.Name].Value,
                    CreatedAt = utcNow,
                    DedupKey = string.Format(CultureInfo.InvariantCulture, key, account),
                });
            }

            // A missing report on an item that is also red or due soon is worth its own reminder.
            if (kind != MessageKind.ReportMissing && item.NextReportDueAt < utcNow)
            {
                messages.AddRange(to.Select(account => new Message
                {
                    RegionId = regionId,
                    AccountId = account,
                    WorkItemId = item.Id,
                    Kind = MessageKind.ReportMissing,
                    Title = l["Reminders.ReportMissing", item.Name].Value,
                    CreatedAt = utcNow,
                    DedupKey = $"Missing:{item.Id}:{account}:{item.NextReportDueAt!.Value.Ticks}",
                }));
            }
        }

        return await Inbox.AddAsync(db, messages, queue, ct);
    }
}

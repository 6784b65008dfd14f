using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Bulletins;
using Duban.Domain.Work;
using Duban.Web.Features.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Bulletins;

/// <summary>
/// The schedule: once the region's draft time has passed (default Fridays 17:00 for the week, the month's
/// last day at the same hour for the month) and the period has no bulletin yet, its draft is composed and
/// the office is told in its inbox. Only the current period is ever composed, so a long-stopped server does
/// not fill the list with old drafts when it starts again.
/// </summary>
public sealed class ComposeScheduledDrafts(DubanDb db, TimeProvider clock, ComposeBulletin compose, QueueDeliveries queue, IStringLocalizer<SharedResource> l)
{
    public async Task<int> RunAsync(int regionId, CancellationToken ct = default)
    {
        var region = await db.Regions.IgnoreQueryFilters().AsNoTracking().FirstAsync(r => r.Id == regionId, ct);
        var settings = await db.RegionLightSettings.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(s => s.RegionId == regionId, ct) ?? new RegionLightSettings();
        var utcNow = clock.GetUtcNow().UtcDateTime;
        var local = TimeZoneInfo.ConvertTimeFromUtc(utcNow, TimeZoneInfo.FindSystemTimeZoneById(region.TimeZoneId));
        var today = DateOnly.FromDateTime(local);
        var composed = 0;
        foreach (var kind in Enum.GetValues<BulletinKind>())
        {
            var (start, _) = BulletinPeriod.Of(kind, today);
            if (local < BulletinPeriod.DraftDue(kind, today, settings.BulletinWeekday, settings.BulletinHour)
                || await db.Bulletins.IgnoreQueryFilters().AnyAsync(b => b.RegionId == regionId && b.Kind == kind && b.PeriodStart == start, ct))
            {
                continue;
            }

            var outcome = await compose.RunAsync(regionId, new ComposeInput { Kind = kind, Day = today }, l["Bulletins.Schedule"], ct);
            if (outcome.Value is not { } draft)
            {
                continue;
            }

            composed++;
            var office = await db.UserRoles
                .Join(db.Roles.Where(r => r.Name == Roles.SupervisionOffice), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId)
                .Join(db.Users.IgnoreQueryFilters().Where(a => a.RegionId == regionId && a.LockoutEnd == null), id => id, a => a.Id, (id, _) => id)
                .ToListAsync(ct);
            var title = l["Bulletins.DraftReady", draft.Title].Value;
            await Inbox.AddAsync(db, BulletinAccess.Messages(draft, office, title, "BulletinDraft", utcNow), queue, ct);
        }

        return composed;
    }
}

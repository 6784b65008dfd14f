using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Bulletins;
using Duban.Domain.Work;
using Duban.Web.Features.Overview;
using Duban.Web.Features.Tasks;
using Duban.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.Home;

/// <summary>An item on a home page: enough to show its light and follow its link.</summary>
public sealed record HomeItem(int Id, WorkItemKind Kind, string Name, string? LeadUnit, Light Light, LightReason Reason, DateTime? At)
{
    public string Url => Tasks.WorkItemPages.Of(Kind, Id);
}

public sealed record PendingReview(int Id, int WorkItemId, string Name, ReviewKind Kind, string RequestedBy, DateTime RequestedAt);

public sealed record BulletinLine(int Id, string Title, BulletinKind Kind, BulletinStatus Status, DateOnly PeriodEnd, DateOnly? IssuedOn);

/// <summary>What waits on the office's decision today, and the overview's headline.</summary>
public sealed record OfficeDesk(
    int PendingCount,
    IReadOnlyList<PendingReview> Pending,
    int OverdueNoticeCount,
    IReadOnlyList<(Notices.NoticeDto Notice, string Name)> OverdueNotices,
    int NewRedCount,
    IReadOnlyList<HomeItem> NewReds,
    IReadOnlyList<BulletinLine> Drafts,
    IReadOnlyDictionary<WorkItemKind, LightCounts> Headline);

/// <summary>The items a leader answers for (分管/包联), by light; the new reds among them and the notices on them.</summary>
public sealed record LeaderDesk(int PersonId, LightCounts Lights, IReadOnlyList<HomeItem> NewReds, IReadOnlyList<(Notices.NoticeDto Notice, string Name)> Notices);

/// <summary>Accounts and the system's health, for the administrator.</summary>
public sealed record AdminDesk(int Accounts, int Locked, int NeverSignedIn, int WithTwoFactor, int DeliveriesPending, int DeliveriesFailed, int AuditUnsealed, DateTime? OldestUnsealedAt, DateTime? LastLightChangeAt, string Database);

public static class HomeQueries
{
    /// <summary>How far back a red counts as new.</summary>
    public const int NewRedDays = 7;

    private const int ListSize = 8;

    public static async Task<OfficeDesk> OfficeAsync(DubanDb db, AccessScope scope, DateOnly today, DateTime utcNow, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var visible = db.WorkItems.AsNoTracking().VisibleTo(db, scope);
        var pendingReviews = db.Reviews.AsNoTracking().Where(r => r.RegionId == scope.RegionId && r.Status == ReviewStatus.Pending);
        var pendingCount = await pendingReviews.CountAsync(ct);
        var pending = await pendingReviews.OrderBy(r => r.RequestedAt).Take(ListSize)
            .Join(visible, r => r.WorkItemId, w => w.Id, (r, w) => new PendingReview(r.Id, w.Id, w.Name, r.Kind, r.RequestedByName, r.RequestedAt))
            .ToListAsync(ct);

        var overdueNotices = db.Notices.AsNoTracking().Where(n => n.AnsweredAt == null && n.AnswerBy < today)
            .Join(visible, n => n.WorkItemId, w => w.Id, (n, w) => new { Notice = n, w.Name });
        var overdueCount = await overdueNotices.CountAsync(ct);
        var overdue = await overdueNotices.OrderBy(x => x.Notice.AnswerBy).Take(ListSize).ToListAsync(ct);

        var (newRedCount, newReds) = await NewRedsAsync(db, visible, utcNow, ct);

        var drafts = await db.Bulletins.AsNoTracking().Where(b => b.RegionId == scope.RegionId && b.Status == BulletinStatus.Draft)
            .OrderByDescending(b => b.PeriodEnd).Take(ListSize)
            .Select(b => new BulletinLine(b.Id, b.Title, b.Kind, b.Status, b.PeriodEnd, b.IssuedOn))
            .ToListAsync(ct);

        var byKindAndLight = await visible.GroupBy(w => new { w.Kind, w.Light }).Select(g => new { g.Key.Kind, g.Key.Light, Count = g.Count() }).ToListAsync(ct);
        var headline = byKindAndLight.GroupBy(x => x.Kind)
            .ToDictionary(g => g.Key, g => LightCounts.Of(g.Select(x => (x.Light, x.Count))));

        return new OfficeDesk(pendingCount, pending, overdueCount, overdue.Select(x => (Notices.NoticeDto.From(x.Notice), x.Name)).ToList(),
            newRedCount, newReds, drafts, headline);
    }

    public static async Task<LeaderDesk?> LeaderAsync(DubanDb db, AccessScope scope, DateTime utcNow, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.PersonId is not { } person)
        {
            return null;
        }

        var mine = db.WorkItems.AsNoTracking().VisibleTo(db, scope).Where(w => w.LeaderId == person);
        var lights = await CountByLightAsync(mine, ct);
        var (_, newReds) = await NewRedsAsync(db, mine, utcNow, ct);
        var since = utcNow.AddDays(-30);
        var notices = await db.Notices.AsNoTracking().Where(n => n.IssuedAt >= since || n.AnsweredAt == null)
            .Join(mine, n => n.WorkItemId, w => w.Id, (n, w) => new { Notice = n, w.Name })
            .OrderByDescending(x => x.Notice.IssuedAt).Take(ListSize).ToListAsync(ct);
        return new LeaderDesk(person, lights, newReds, notices.Select(x => (Notices.NoticeDto.From(x.Notice), x.Name)).ToList());
    }

    /// <summary>The latest issued bulletin of the region: every role reads it.</summary>
    public static Task<BulletinLine?> LatestBulletinAsync(DubanDb db, AccessScope scope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        return db.Bulletins.AsNoTracking().Where(b => b.RegionId == scope.RegionId && b.Status == BulletinStatus.Issued)
            .OrderByDescending(b => b.IssuedAt).ThenByDescending(b => b.Id)
            .Select(b => new BulletinLine(b.Id, b.Title, b.Kind, b.Status, b.PeriodEnd, b.IssuedOn))
            .FirstOrDefaultAsync(ct);
    }

    public static Task<LightCounts> LightsAsync(DubanDb db, AccessScope scope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return CountByLightAsync(db.WorkItems.AsNoTracking().VisibleTo(db, scope), ct);
    }

    private static async Task<LightCounts> CountByLightAsync(IQueryable<WorkItem> items, CancellationToken ct)
    {
        var byLight = await items.GroupBy(w => w.Light).Select(g => new { Light = g.Key, Count = g.Count() }).ToListAsync(ct);
        return LightCounts.Of(byLight.Select(x => (x.Light, x.Count)));
    }

    public static async Task<AdminDesk> AdminAsync(DubanDb db, AccessScope scope, DateTime utcNow, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var region = scope.RegionId;
        var accounts = db.Users.AsNoTracking().Where(a => a.RegionId == region);
        var total = await accounts.CountAsync(ct);
        // Few accounts are ever locked; SQLite cannot compare the offsets in SQL.
        var lockouts = await accounts.Where(a => a.LockoutEnd != null).Select(a => a.LockoutEnd!.Value).ToListAsync(ct);
        var locked = lockouts.Count(end => end.UtcDateTime > utcNow);
        var never = await accounts.CountAsync(a => a.LastSignInAt == null, ct);
        var twoFactor = await accounts.CountAsync(a => a.TwoFactorEnabled, ct);
        var deliveries = db.Deliveries.AsNoTracking().Where(d => d.RegionId == region);
        var pending = await deliveries.CountAsync(d => d.Status == DeliveryStatus.Pending, ct);
        var failed = await deliveries.CountAsync(d => d.Status == DeliveryStatus.Failed, ct);
        var unsealed = db.AuditEntries.AsNoTracking().Where(e => e.RegionId == region && e.ChainSequence == null);
        var unsealedCount = await unsealed.CountAsync(ct);
        var oldest = unsealedCount == 0 ? null : await unsealed.MinAsync(e => (DateTime?)e.At, ct);
        var lastChange = await db.LightChanges.AsNoTracking().Where(c => c.RegionId == region).MaxAsync(c => (DateTime?)c.At, ct);
        return new AdminDesk(total, locked, never, twoFactor, pending, failed, unsealedCount, oldest, lastChange, db.Database.IsNpgsql() ? "PostgreSQL" : "SQLite");
    }

    private static async Task<(int Count, List<HomeItem> Items)> NewRedsAsync(DubanDb db, IQueryable<WorkItem> items, DateTime utcNow, CancellationToken ct)
    {
        var since = utcNow.AddDays(-NewRedDays);
        var reds = items.Where(w => w.Light == Light.Red && w.LightSince >= since);
        var count = await reds.CountAsync(ct);
        var units = db.Units.AsNoTracking();
        var list = await reds.OrderByDescending(w => w.LightSince).Take(ListSize)
            .Select(w => new HomeItem(w.Id, w.Kind, w.Name, units.Where(u => u.Id == w.LeadUnitId).Select(u => u.ShortName ?? u.Name).FirstOrDefault(), w.Light, w.LightReason, w.LightSince))
            .ToListAsync(ct);
        return (count, list);
    }
}

using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Work;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.Notices;

/// <summary>What went out by email and webhook, what is waiting to be retried, and what failed for good.</summary>
[Requires(Permission.ReadDeliveries)]
public sealed class DeliveriesModel(DubanDb db, ScopeAccessor scopes) : PageModel
{
    public IReadOnlyList<Delivery> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = await DeliveriesApi.RecentAsync(db, (await scopes.GetAsync(ct)).RegionId, ct);
}

public static class DeliveriesApi
{
    public static Task<List<Delivery>> RecentAsync(DubanDb db, int regionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Deliveries.AsNoTracking().Where(d => d.RegionId == regionId)
            .OrderBy(d => d.Status == DeliveryStatus.Failed ? 0 : d.Status == DeliveryStatus.Pending ? 1 : 2).ThenByDescending(d => d.Id)
            .Take(300).ToListAsync(ct);
    }

    public static void MapDeliveriesApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/deliveries", async (DubanDb db, ScopeAccessor scopes, CancellationToken ct) =>
            TypedResults.Ok((await RecentAsync(db, (await scopes.GetAsync(ct)).RegionId, ct))
                .Select(d => new { d.Id, d.Channel, d.Target, d.Subject, d.Status, d.Attempts, d.LastError, d.NextAttemptAt, d.SentAt }).ToList())).WithTags("Deliveries")
            .Requires(Permission.ReadDeliveries);
    }
}

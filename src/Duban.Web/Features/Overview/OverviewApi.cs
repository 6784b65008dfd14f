using Duban.Data;
using Duban.Domain.Access;
using Duban.Web.Features.Tasks;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Duban.Web.Features.Overview;

public static class OverviewApi
{
    public sealed record ItemsPage(int Total, IReadOnlyList<OverviewQueries.ItemRow> Rows);

    public static void MapOverviewApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/overview").WithTags("Overview");

        group.MapGet("/", async Task<Ok<OverviewData>> ([AsParameters] OverviewFilter filter, DubanDb db, DubanDbForks forks, WorkContext work, CancellationToken ct) =>
            TypedResults.Ok(await OverviewQueries.LoadAsync(db, await work.ScopeAsync(ct), filter, work.Today, work.UtcNow, work.Zone, forks.Create, ct)))
            .Requires(Permission.Read);

        group.MapGet("/items", async Task<Ok<ItemsPage>> ([AsParameters] OverviewQueries.ItemQuery query, DubanDb db, WorkContext work, CancellationToken ct) =>
        {
            var (total, rows) = await OverviewQueries.ItemsAsync(db, await work.ScopeAsync(ct), query, work.Today, work.UtcNow, ct);
            return TypedResults.Ok(new ItemsPage(total, rows));
        }).Requires(Permission.Read);
    }
}

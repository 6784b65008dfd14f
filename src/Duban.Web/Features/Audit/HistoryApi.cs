using Duban.Data;
using Duban.Domain.Access;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Duban.Web.Features.Audit;

public static class HistoryApi
{
    public static void MapHistoryApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/history/{kind}/{id:int}", async Task<Results<Ok<IReadOnlyList<HistoryEntry>>, NotFound>> (
            string kind, int id, HttpContext http, DubanDb db, ScopeAccessor scopes, CancellationToken ct) =>
        {
            var scope = await scopes.GetAsync(ct);
            var entries = await HistoryQueries.ForAsync(db, scope, http.User.May(Permission.ManageAccounts), kind, id, ct);
            return entries is null ? TypedResults.NotFound() : TypedResults.Ok(entries);
        }).WithTags("History")
            .Requires(Permission.Read);
    }
}

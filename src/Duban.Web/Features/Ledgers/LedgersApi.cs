using System.ComponentModel.DataAnnotations;
using Duban.Data;
using Duban.Domain.Access;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.Ledgers;

public static class LedgersApi
{
    public static void MapLedgersApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/ledgers").WithTags("Ledgers");

        group.MapGet("/", async Task<Ok<List<LedgerDto>>> ([Range(InputBounds.FirstYear, InputBounds.LastYear)] int? year, DubanDb db, ScopeAccessor scopes, CancellationToken ct) =>
        {
            var scope = await scopes.GetAsync(ct);
            var ledgers = await db.Ledgers.AsNoTracking().Where(l => l.RegionId == scope.RegionId && (year == null || l.Year == year))
                .OrderByDescending(l => l.Year).ThenBy(l => l.Id).ToListAsync(ct);
            return TypedResults.Ok(ledgers.Select(LedgerDto.From).ToList());
        }).Requires(Permission.Read);

        group.MapGet("/{id:int}", async Task<Results<Ok<LedgerDto>, NotFound>> (int id, DubanDb db, ScopeAccessor scopes, CancellationToken ct) =>
        {
            var scope = await scopes.GetAsync(ct);
            var ledger = await db.Ledgers.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id && l.RegionId == scope.RegionId, ct);
            return ledger is null ? TypedResults.NotFound() : TypedResults.Ok(LedgerDto.From(ledger));
        }).Requires(Permission.Read);

        group.MapPost("/", async Task<Results<Created<LedgerDto>, ValidationProblem, NotFound>> (LedgerInput input, SaveLedger save, CancellationToken ct) =>
            (await save.RunAsync(null, input, ct)).ToCreated(LedgerDto.From, l => $"/api/v1/ledgers/{l.Id}"))
            .Requires(Permission.EditWork);

        group.MapPut("/{id:int}", async Task<Results<Ok<LedgerDto>, ValidationProblem, NotFound>> (int id, LedgerInput input, SaveLedger save, CancellationToken ct) =>
            (await save.RunAsync(id, input, ct)).ToOk(LedgerDto.From))
            .Requires(Permission.EditWork);
    }
}

using System.ComponentModel.DataAnnotations;
using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Promotion;
using Duban.Web.Features.Tasks;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Duban.Web.Features.Firms;

/// <summary>The firm register and firms' needs over the API: the same use cases and scope as the pages.</summary>
public static class FirmsApi
{
    public static void MapFirmsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var firms = api.MapGroup("/firms").WithTags("Firms");

        firms.MapGet("/", async Task<Ok<FirmPage>> ([AsParameters] FirmFilter filter, DubanDb db, WorkContext work, CancellationToken ct) =>
            TypedResults.Ok(await FirmQueries.ListAsync(db, await work.ScopeAsync(ct), filter, ct)))
            .Requires(Permission.Read);

        firms.MapGet("/{id:int}", async Task<Results<Ok<FirmDetailDto>, NotFound>> (int id, DubanDb db, WorkContext work, CancellationToken ct) =>
            await FirmQueries.DetailAsync(db, await work.ScopeAsync(ct), id, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound())
            .Requires(Permission.Read);

        firms.MapPost("/", async Task<Results<Created<FirmDetailDto>, ValidationProblem, NotFound>> (FirmInput input, FirmActions actions, DubanDb db, WorkContext work, CancellationToken ct) =>
        {
            var outcome = await actions.SaveAsync(null, input, ct);
            return outcome.Kind switch
            {
                OutcomeKind.Ok => TypedResults.Created($"/api/v1/firms/{outcome.Value!.Id}", (await FirmQueries.DetailAsync(db, await work.ScopeAsync(ct), outcome.Value.Id, ct))!),
                OutcomeKind.Invalid => TypedResults.ValidationProblem(outcome.Errors!.ToDictionary()),
                _ => TypedResults.NotFound(),
            };
        }).Requires(Permission.ServeFirms);

        firms.MapPut("/{id:int}", async Task<Results<Ok<FirmDetailDto>, ValidationProblem, NotFound>> (int id, FirmInput input, FirmActions actions, DubanDb db, WorkContext work, CancellationToken ct) =>
        {
            var outcome = await actions.SaveAsync(id, input, ct);
            return outcome.Kind switch
            {
                OutcomeKind.Ok => await FirmQueries.DetailAsync(db, await work.ScopeAsync(ct), id, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound(),
                OutcomeKind.Invalid => TypedResults.ValidationProblem(outcome.Errors!.ToDictionary()),
                _ => TypedResults.NotFound(),
            };
        }).Requires(Permission.ServeFirms);

        firms.MapPost("/{id:int}/needs", async Task<Results<Created<NeedDetailDto>, ValidationProblem, NotFound>> (int id, NeedInput input, FirmActions actions, DubanDb db, WorkContext work, CancellationToken ct) =>
        {
            var outcome = await actions.RegisterNeedAsync(id, input, ct);
            return outcome.Kind switch
            {
                OutcomeKind.Ok => TypedResults.Created($"/api/v1/needs/{outcome.Value!.Id}", (await FirmQueries.NeedAsync(db, await work.ScopeAsync(ct), outcome.Value.Id, ct))!),
                OutcomeKind.Invalid => TypedResults.ValidationProblem(outcome.Errors!.ToDictionary()),
                _ => TypedResults.NotFound(),
            };
        }).Requires(Permission.ServeFirms);

        var needs = api.MapGroup("/needs").WithTags("Firms");

        needs.MapGet("/figures", async Task<Ok<List<NeedCategoryFigure>>> ([Range(InputBounds.FirstYear, InputBounds.LastYear)] int? year, DubanDb db, WorkContext work, CancellationToken ct) =>
            TypedResults.Ok(await FirmQueries.FiguresAsync(db, await work.ScopeAsync(ct), year ?? work.Today.Year, ct)))
            .Requires(Permission.Read);

        needs.MapGet("/{id:int}", async Task<Results<Ok<NeedDetailDto>, NotFound>> (int id, DubanDb db, WorkContext work, CancellationToken ct) =>
            await FirmQueries.NeedAsync(db, await work.ScopeAsync(ct), id, ct) is { } need ? TypedResults.Ok(need) : TypedResults.NotFound())
            .Requires(Permission.Read);

        needs.MapPost("/{id:int}/rating", async Task<Results<Ok<NeedDetailDto>, ValidationProblem, NotFound>> (int id, RatingInput input, FirmActions actions, DubanDb db, WorkContext work, CancellationToken ct) =>
            await NeedAfter(await actions.RateAsync(id, input, ct), id, db, work, ct))
            .Requires(Permission.ServeFirms);

        needs.MapPost("/{id:int}/closure", async Task<Results<Ok<NeedDetailDto>, ValidationProblem, NotFound>> (int id, FirmActions actions, DubanDb db, WorkContext work, CancellationToken ct) =>
            await NeedAfter(await actions.CloseAsync(id, ct), id, db, work, ct))
            .Requires(Permission.ServeFirms);
    }

    private static async Task<Results<Ok<NeedDetailDto>, ValidationProblem, NotFound>> NeedAfter<T>(Outcome<T> outcome, int id, DubanDb db, WorkContext work, CancellationToken ct) =>
        outcome.Kind switch
        {
            OutcomeKind.Ok => await FirmQueries.NeedAsync(db, await work.ScopeAsync(ct), id, ct) is { } need ? TypedResults.Ok(need) : TypedResults.NotFound(),
            OutcomeKind.Invalid => TypedResults.ValidationProblem(outcome.Errors!.ToDictionary()),
            _ => TypedResults.NotFound(),
        };
}

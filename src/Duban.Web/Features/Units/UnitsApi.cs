using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Organisation;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.Units;

public sealed record UnitDto(int Id, int? ParentId, string Name, string? ShortName, UnitKind Kind, string Path, int SortOrder, bool IsActive)
{
    public static UnitDto From(Unit u)
    {
        ArgumentNullException.ThrowIfNull(u);
        return new(u.Id, u.ParentId, u.Name, u.ShortName, u.Kind, u.Path, u.SortOrder, u.IsActive);
    }
}

public static class UnitsApi
{
    public static void MapUnitsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/units").WithTags("Units");

        group.MapGet("/", async Task<Ok<List<UnitDto>>> (DubanDb db, ScopeAccessor scopes, CancellationToken ct) =>
        {
            var scope = await scopes.GetAsync(ct);
            var units = await db.Units.VisibleTo(scope).AsNoTracking().OrderBy(u => u.Path).ToListAsync(ct);
            return TypedResults.Ok(units.Select(UnitDto.From).ToList());
        }).Requires(Permission.Read);

        group.MapGet("/{id:int}", async Task<Results<Ok<UnitDto>, NotFound>> (int id, DubanDb db, ScopeAccessor scopes, CancellationToken ct) =>
        {
            var scope = await scopes.GetAsync(ct);
            var unit = await db.Units.VisibleTo(scope).AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
            return unit is null ? TypedResults.NotFound() : TypedResults.Ok(UnitDto.From(unit));
        }).Requires(Permission.Read);

        group.MapPost("/", async Task<Results<Created<UnitDto>, ValidationProblem, NotFound>> (UnitInput input, SaveUnit save, CancellationToken ct) =>
            (await save.RunAsync(null, input, ct)).ToCreated(UnitDto.From, u => $"/api/v1/units/{u.Id}"))
            .Requires(Permission.ManageOrganisation);

        group.MapPut("/{id:int}", async Task<Results<Ok<UnitDto>, ValidationProblem, NotFound>> (int id, UnitInput input, SaveUnit save, CancellationToken ct) =>
            (await save.RunAsync(id, input, ct)).ToOk(UnitDto.From))
            .Requires(Permission.ManageOrganisation);
    }
}

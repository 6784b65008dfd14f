using System.ComponentModel.DataAnnotations;
using Duban.Data;
using Duban.Domain.Access;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.People;

public static class PeopleApi
{
    public static void MapPeopleApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/people").WithTags("People");

        group.MapGet("/", async Task<Ok<List<PersonDto>>> ([Range(1, int.MaxValue)] int? unitId, [MaxLength(100)] string? q, DubanDb db, ScopeAccessor scopes, CancellationToken ct) =>
        {
            var scope = await scopes.GetAsync(ct);
            var people = await PeopleQueries.Search(db, scope, unitId, q).Take(500).ToListAsync(ct);
            return TypedResults.Ok(people.Select(PersonDto.From).ToList());
        }).Requires(Permission.Read);

        group.MapGet("/{id:int}", async Task<Results<Ok<PersonDto>, NotFound>> (int id, DubanDb db, ScopeAccessor scopes, CancellationToken ct) =>
        {
            var scope = await scopes.GetAsync(ct);
            var person = await db.People.VisibleTo(db, scope).AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
            return person is null ? TypedResults.NotFound() : TypedResults.Ok(PersonDto.From(person));
        }).Requires(Permission.Read);

        group.MapPost("/", async Task<Results<Created<PersonDto>, ValidationProblem, NotFound>> (PersonInput input, SavePerson save, CancellationToken ct) =>
            (await save.RunAsync(null, input, ct)).ToCreated(PersonDto.From, p => $"/api/v1/people/{p.Id}"))
            .Requires(Permission.ManageOrganisation);

        group.MapPut("/{id:int}", async Task<Results<Ok<PersonDto>, ValidationProblem, NotFound>> (int id, PersonInput input, SavePerson save, CancellationToken ct) =>
            (await save.RunAsync(id, input, ct)).ToOk(PersonDto.From))
            .Requires(Permission.ManageOrganisation);
    }
}

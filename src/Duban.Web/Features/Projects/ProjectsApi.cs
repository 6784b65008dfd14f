using System.ComponentModel.DataAnnotations;
using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Projects;
using Duban.Domain.Work;
using Duban.Web.Features.Problems;
using Duban.Web.Features.Tasks;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.Projects;

public static class ProjectsApi
{
    public static void MapProjectsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var projects = api.MapGroup("/projects").WithTags("Projects");

        projects.MapGet("/", async Task<Ok<ProjectPage>> ([AsParameters] ProjectFilter filter, DubanDb db, WorkContext work, CancellationToken ct) =>
        {
            var scope = await work.ScopeAsync(ct);
            return TypedResults.Ok(await ProjectQueries.ListAsync(db, scope, filter, work.Today, await RulesOf.CurveAsync(db, scope.RegionId, ct), ct));
        }).Requires(Permission.Read);

        projects.MapGet("/map", async Task<Ok<List<MapPoint>>> ([AsParameters] ProjectFilter filter, DubanDb db, WorkContext work, CancellationToken ct) =>
            TypedResults.Ok(await ProjectQueries.MapAsync(db, await work.ScopeAsync(ct), filter, ct)))
            .Requires(Permission.Read);

        projects.MapGet("/figures", async Task<Ok<Figures>> ([Range(InputBounds.FirstYear, InputBounds.LastYear)] int? year, [Range(1, 12)] int? month, DubanDb db, WorkContext work, CancellationToken ct) =>
        {
            var (y, m) = Period(year, month, work.Today);
            return TypedResults.Ok(await ProjectFigures.ForAsync(db, await work.ScopeAsync(ct), y, m, ct));
        }).Requires(Permission.Read);

        projects.MapGet("/{id:int}", async Task<Results<Ok<ProjectDetailDto>, NotFound>> (int id, DubanDb db, WorkContext work, CancellationToken ct) =>
            await ProjectDetail.LoadAsync(db, await work.ScopeAsync(ct), id, work.Today, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound())
            .Requires(Permission.Read);

        projects.MapPost("/", async Task<Results<Created<ProjectDetailDto>, ValidationProblem, NotFound>> (ProjectInput input, SaveProject save, DubanDb db, WorkContext work, CancellationToken ct) =>
        {
            var outcome = await save.RunAsync(null, input, ct);
            if (outcome.Kind != OutcomeKind.Ok)
            {
                return outcome.Kind == OutcomeKind.Invalid ? TypedResults.ValidationProblem(outcome.Errors!.ToDictionary()) : TypedResults.NotFound();
            }

            var detail = (await ProjectDetail.LoadAsync(db, await work.ScopeAsync(ct), outcome.Value!.Id, work.Today, ct))!;
            return TypedResults.Created($"/api/v1/projects/{detail.Item.Id}", detail);
        }).Requires(Permission.EditWork);

        projects.MapPut("/{id:int}", async Task<Results<Ok<ProjectDetailDto>, ValidationProblem, NotFound>> (int id, ProjectInput input, SaveProject save, DubanDb db, WorkContext work, CancellationToken ct) =>
            await DetailAfter(await save.RunAsync(id, input, ct), id, db, work, ct))
            .Requires(Permission.EditWork);

        projects.MapPut("/{id:int}/investments", async Task<Results<Ok<ProjectDetailDto>, ValidationProblem, NotFound>> (int id, InvestmentInput input, ProjectActions actions, DubanDb db, WorkContext work, CancellationToken ct) =>
            await DetailAfter(await actions.RecordInvestmentAsync(id, input, ct), id, db, work, ct))
            .Requires(Permission.RecordInvestment);

        projects.MapPut("/{id:int}/plan", async Task<Results<Ok<ProjectDetailDto>, ValidationProblem, NotFound>> (int id, YearPlanInput input, ProjectActions actions, DubanDb db, WorkContext work, CancellationToken ct) =>
            await DetailAfter(await actions.SetYearPlanAsync(id, input, ct), id, db, work, ct))
            .Requires(Permission.EditWork);

        projects.MapPost("/{id:int}/stages", async Task<Results<Ok<ProjectDetailDto>, ValidationProblem, NotFound>> (int id, StageInput input, ProjectActions actions, DubanDb db, WorkContext work, CancellationToken ct) =>
            await DetailAfter(await actions.ReachStageAsync(id, input, ct), id, db, work, ct))
            .Requires(Permission.RecordInvestment);

        projects.MapPost("/{id:int}/withdrawal", async Task<Results<Ok<ProjectDetailDto>, ValidationProblem, NotFound>> (int id, WithdrawalInput input, ProjectActions actions, DubanDb db, WorkContext work, CancellationToken ct) =>
            await DetailAfter(await actions.WithdrawAsync(id, input, ct), id, db, work, ct))
            .Requires(Permission.EditWork);

        projects.MapDelete("/{id:int}/withdrawal", async Task<Results<Ok<ProjectDetailDto>, ValidationProblem, NotFound>> (int id, ProjectActions actions, DubanDb db, WorkContext work, CancellationToken ct) =>
            await DetailAfter(await actions.RestoreAsync(id, ct), id, db, work, ct))
            .Requires(Permission.EditWork);

        var problems = api.MapGroup("/problems").WithTags("Problems");
        problems.MapGet("/", async Task<Ok<List<ProblemRow>>> (ProblemList? list, [Range(1, int.MaxValue)] int? projectId, DubanDb db, WorkContext work, CancellationToken ct) =>
            TypedResults.Ok(await RaiseProblem.ListAsync(db, await work.ScopeAsync(ct), list ?? ProblemList.New, projectId, ct)))
            .Requires(Permission.Read);

        problems.MapPost("/", async Task<Results<Created<TaskDetailDto>, ValidationProblem, NotFound>> (ProblemInput input, RaiseProblem raise, DubanDb db, WorkContext work, CancellationToken ct) =>
        {
            var outcome = await raise.RunAsync(input, ct);
            if (outcome.Kind != OutcomeKind.Ok)
            {
                return outcome.Kind == OutcomeKind.Invalid ? TypedResults.ValidationProblem(outcome.Errors!.ToDictionary()) : TypedResults.NotFound();
            }

            var detail = (await TaskDetail.LoadAsync(db, await work.ScopeAsync(ct), outcome.Value!.Id, ct))!;
            return TypedResults.Created($"/api/v1/tasks/{detail.Id}", detail);
        }).Requires(Permission.RaiseProblem);

        var map = api.MapGroup("/map").WithTags("Projects");
        map.MapGet("/boundary", async Task<Results<ContentHttpResult, NotFound>> (DubanDb db, WorkContext work, CancellationToken ct) =>
        {
            var scope = await work.ScopeAsync(ct);
            var geo = await db.RegionMaps.AsNoTracking().Where(m => m.RegionId == scope.RegionId).Select(m => m.GeoJson).FirstOrDefaultAsync(ct);
            return geo is null ? TypedResults.NotFound() : TypedResults.Content(geo, "application/geo+json");
        }).Requires(Permission.Read);

        map.MapPut("/boundary", async Task<Results<Ok, ValidationProblem, NotFound>> (HttpRequest request, SaveRegionMap save, CancellationToken ct) =>
        {
            var outcome = await save.RunAsync("boundary.geojson", request.Body, request.ContentLength ?? 0, ct);
            return outcome.Kind == OutcomeKind.Ok ? TypedResults.Ok() : TypedResults.ValidationProblem(outcome.Errors!.ToDictionary());
        })
        .Accepts<object>("application/geo+json", "application/json")
        .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(SaveRegionMap.MaxBytes + 1024))
        .Requires(Permission.ManageSystem);
    }

    public static (int Year, int Month) Period(int? year, int? month, DateOnly today)
    {
        var y = InputBounds.Year(year, today.Year);
        var m = month is >= 1 and <= 12 ? month.Value : (y == today.Year ? Math.Max(1, today.Month - 1) : 12);
        return (y, m);
    }

    private static async Task<Results<Ok<ProjectDetailDto>, ValidationProblem, NotFound>> DetailAfter<T>(Outcome<T> outcome, int id, DubanDb db, WorkContext work, CancellationToken ct)
    {
        if (outcome.Kind != OutcomeKind.Ok)
        {
            return outcome.Kind == OutcomeKind.Invalid ? TypedResults.ValidationProblem(outcome.Errors!.ToDictionary()) : TypedResults.NotFound();
        }

        return await ProjectDetail.LoadAsync(db, await work.ScopeAsync(ct), id, work.Today, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();
    }
}

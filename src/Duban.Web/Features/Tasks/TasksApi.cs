using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Work;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Tasks;

public static class TasksApi
{
    public static void MapTasksApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var tasks = api.MapGroup("/tasks").WithTags("Tasks");

        tasks.MapGet("/", async Task<Ok<TaskPage>> ([AsParameters] TaskFilter filter, DubanDb db, ScopeAccessor scopes, CancellationToken ct) =>
            TypedResults.Ok(await TaskQueries.ListAsync(db, await scopes.GetAsync(ct), filter, ct)))
            .Requires(Permission.Read);

        tasks.MapGet("/{id:int}", async Task<Results<Ok<TaskDetailDto>, NotFound>> (int id, DubanDb db, ScopeAccessor scopes, CancellationToken ct) =>
            await TaskDetail.LoadAsync(db, await scopes.GetAsync(ct), id, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound())
            .Requires(Permission.Read);

        tasks.MapPost("/", async Task<Results<Created<TaskDetailDto>, ValidationProblem, NotFound>> (TaskInput input, SaveTask save, DubanDb db, ScopeAccessor scopes, CancellationToken ct) =>
        {
            var outcome = await save.RunAsync(null, input, ct);
            if (outcome.Kind != OutcomeKind.Ok)
            {
                return outcome.Kind == OutcomeKind.Invalid ? TypedResults.ValidationProblem(outcome.Errors!.ToDictionary()) : TypedResults.NotFound();
            }

            var detail = save.Created ?? (await TaskDetail.LoadAsync(db, await scopes.GetAsync(ct), outcome.Value!.Id, ct))!;
            return TypedResults.Created($"/api/v1/tasks/{detail.Id}", detail);
        }).Requires(Permission.EditWork);

        tasks.MapPut("/{id:int}", async Task<Results<Ok<TaskDetailDto>, ValidationProblem, NotFound>> (int id, TaskInput input, SaveTask save, DubanDb db, ScopeAccessor scopes, CancellationToken ct) =>
        {
            var outcome = await save.RunAsync(id, input, ct);
            if (outcome.Kind != OutcomeKind.Ok)
            {
                return outcome.Kind == OutcomeKind.Invalid ? TypedResults.ValidationProblem(outcome.Errors!.ToDictionary()) : TypedResults.NotFound();
            }

            return TypedResults.Ok((await TaskDetail.LoadAsync(db, await scopes.GetAsync(ct), id, ct))!);
        }).Requires(Permission.EditWork);

        tasks.MapPost("/bulk-assign", async Task<Results<Ok<BulkAssignResult>, ValidationProblem, NotFound>> (BulkAssignInput input, BulkAssign assign, CancellationToken ct) =>
            (await assign.RunAsync(input, ct)).ToOk(n => new BulkAssignResult(n)))
            .Requires(Permission.Reassign);

        tasks.MapGet("/{id:int}/reports", async Task<Results<Ok<List<ReportDto>>, NotFound>> (int id, DubanDb db, ScopeAccessor scopes, CancellationToken ct) =>
            await db.WorkItems.VisibleTo(db, await scopes.GetAsync(ct)).AnyAsync(w => w.Id == id, ct)
                ? TypedResults.Ok(await TaskDetail.ReportsAsync(db, id, ct))
                : TypedResults.NotFound())
            .Requires(Permission.Read);

        tasks.MapPost("/{id:int}/reports", async Task<Results<Created<ReportDto>, ValidationProblem, NotFound>> (int id, ReportInput input, SubmitProgressReport submit, CancellationToken ct) =>
            (await submit.RunAsync(id, input, ct)).ToCreated(r => ReportDto.From(r, []), r => $"/api/v1/tasks/{id}/reports"))
            .Requires(Permission.Report);

        // The same report as multipart/form-data, with up to five photos or documents in "files".
        tasks.MapPost("/{id:int}/reports/with-attachments", async Task<Results<Created<ReportDto>, ValidationProblem, NotFound>> (int id, HttpRequest request, SubmitProgressReport submit, DubanDb db, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            if (!request.HasFormContentType)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["files"] = [l["Attachments.NotMultipart"].Value] });
            }

            var form = await request.ReadFormAsync(ct);
            if (!ReportForm.TryRead(form, out var input, out var field))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [l["Validation.Invalid"].Value] });
            }

            if (InputBounds.Check(input, l) is { } unreadable)
            {
                return TypedResults.ValidationProblem(unreadable.ToDictionary());
            }

            var files = form.Files.GetFiles("files").Select(Attachments.UploadedFile.From).ToList();
            var outcome = await submit.RunAsync(id, input, files, ct);
            if (outcome.Kind != OutcomeKind.Ok)
            {
                return outcome.Kind == OutcomeKind.Invalid ? TypedResults.ValidationProblem(outcome.Errors!.ToDictionary()) : TypedResults.NotFound();
            }

            var report = outcome.Value!;
            var attachments = await db.Attachments.AsNoTracking().Where(a => a.ProgressReportId == report.Id).OrderBy(a => a.Id).ToListAsync(ct);
            return TypedResults.Created($"/api/v1/tasks/{id}/reports", ReportDto.From(report, attachments));
        })
        .Requires(Permission.Report)
        .Accepts<ReportForm>("multipart/form-data")
        .WithMetadata(new RequestSizeLimitAttribute(60 * 1024 * 1024), new RequestFormLimitsAttribute { MultipartBodyLengthLimit = 60 * 1024 * 1024 });

        tasks.MapGet("/{id:int}/reviews", async Task<Results<Ok<List<ReviewDto>>, NotFound>> (int id, DubanDb db, ScopeAccessor scopes, CancellationToken ct) =>
            await db.WorkItems.VisibleTo(db, await scopes.GetAsync(ct)).AnyAsync(w => w.Id == id, ct)
                ? TypedResults.Ok(await TaskDetail.ReviewsAsync(db, id, ct))
                : TypedResults.NotFound())
            .Requires(Permission.Read);

        tasks.MapPost("/{id:int}/reviews", async Task<Results<Created<ReviewDto>, ValidationProblem, NotFound>> (int id, RequestInput input, RequestReview request, CancellationToken ct) =>
            (await request.RunAsync(id, input, ct)).ToCreated(ReviewDto.From, r => $"/api/v1/reviews/{r.Id}"))
            .Requires(Permission.Request);

        tasks.MapPut("/{id:int}/exemption", async Task<Results<Ok<TaskDetailDto>, ValidationProblem, NotFound>> (int id, ExemptionInput input, ExemptTask exempt, DubanDb db, ScopeAccessor scopes, CancellationToken ct) =>
        {
            var outcome = await exempt.RunAsync(id, input, ct);
            if (outcome.Kind != OutcomeKind.Ok)
            {
                return outcome.Kind == OutcomeKind.Invalid ? TypedResults.ValidationProblem(outcome.Errors!.ToDictionary()) : TypedResults.NotFound();
            }

            return TypedResults.Ok((await TaskDetail.LoadAsync(db, await scopes.GetAsync(ct), id, ct))!);
        }).Requires(Permission.Exempt);

        var reviews = api.MapGroup("/reviews").WithTags("Reviews");
        reviews.MapGet("/", async Task<Ok<List<ReviewDto>>> (ReviewStatus? status, DubanDb db, ScopeAccessor scopes, CancellationToken ct) =>
        {
            var scope = await scopes.GetAsync(ct);
            var visible = db.WorkItems.VisibleTo(db, scope).Select(w => w.Id);
            var list = await db.Reviews.AsNoTracking()
                .Where(r => r.RegionId == scope.RegionId && visible.Contains(r.WorkItemId) && (status == null || r.Status == status))
                .OrderBy(r => r.RequestedAt).Take(500).ToListAsync(ct);
            return TypedResults.Ok(list.Select(ReviewDto.From).ToList());
        }).Requires(Permission.Read);

        reviews.MapPost("/{id:int}/decision", async Task<Results<Ok<ReviewDto>, ValidationProblem, NotFound>> (int id, DecisionInput input, DecideReview decide, CancellationToken ct) =>
            (await decide.RunAsync(id, input, ct)).ToOk(ReviewDto.From))
            .Requires(Permission.Decide);

        api.MapPost("/lights/recompute", async Task<Ok<Lights.RecomputeLights.Result>> (Lights.RecomputeLights lights, ScopeAccessor scopes, CancellationToken ct) =>
            TypedResults.Ok(await lights.RunAsync((await scopes.GetAsync(ct)).RegionId, null, ct)))
            .Requires(Permission.RecomputeLights).WithTags("Lights");
    }
}

public sealed record BulkAssignResult(int Assigned);

using System.ComponentModel.DataAnnotations;
using Duban.Data;
using Duban.Domain.Access;
using Duban.Web.Features.Tasks;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Duban.Web.Features.Leads;

/// <summary>Leads over the API: the same use cases and the same confidentiality as the pages.</summary>
public static class LeadsApi
{
    public static void MapLeadsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var leads = api.MapGroup("/leads").WithTags("Leads");

        leads.MapGet("/", async Task<Ok<LeadPage>> ([AsParameters] LeadFilter filter, DubanDb db, WorkContext work, CancellationToken ct) =>
            TypedResults.Ok(await LeadQueries.ListAsync(db, await work.ScopeAsync(ct), filter, ct)))
            .Requires(Permission.ReadLeads);

        leads.MapGet("/pipeline", async Task<Ok<PipelineBoard>> ([Range(InputBounds.FirstYear, InputBounds.LastYear)] int? year, [Range(1, int.MaxValue)] int? unitId, DubanDb db, WorkContext work, CancellationToken ct) =>
            TypedResults.Ok(await LeadQueries.BoardAsync(db, await work.ScopeAsync(ct), year ?? work.Today.Year, work.Today, unitId, ct)))
            .Requires(Permission.Read);

        leads.MapPost("/import", ImportAsync)
            .Accepts<LeadImportForm>("multipart/form-data")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(LedgerFiles.LedgerFile.MaxBytes + (1024 * 1024)), new Microsoft.AspNetCore.Mvc.RequestFormLimitsAttribute { MultipartBodyLengthLimit = LedgerFiles.LedgerFile.MaxBytes + (1024 * 1024) })
            .Requires(Permission.ImportLedgers);

        leads.MapGet("/{id:int}", async Task<Results<Ok<LeadDetailDto>, NotFound>> (int id, DubanDb db, WorkContext work, CancellationToken ct) =>
            await LeadQueries.DetailAsync(db, await work.ScopeAsync(ct), id, work.Today, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound())
            .Requires(Permission.ReadLeads);

        leads.MapPost("/", async Task<Results<Created<LeadDetailDto>, ValidationProblem, NotFound>> (LeadInput input, LeadActions actions, DubanDb db, WorkContext work, CancellationToken ct) =>
        {
            var outcome = await actions.SaveAsync(null, input, ct);
            return outcome.Kind switch
            {
                OutcomeKind.Ok => TypedResults.Created($"/api/v1/leads/{outcome.Value!.Id}", (await LeadQueries.DetailAsync(db, await work.ScopeAsync(ct), outcome.Value.Id, work.Today, ct))!),
                OutcomeKind.Invalid => TypedResults.ValidationProblem(outcome.Errors!.ToDictionary()),
                _ => TypedResults.NotFound(),
            };
        }).Requires(Permission.FollowLeads);

        leads.MapPut("/{id:int}", async Task<Results<Ok<LeadDetailDto>, ValidationProblem, NotFound>> (int id, LeadInput input, LeadActions actions, DubanDb db, WorkContext work, CancellationToken ct) =>
            await DetailAfter(await actions.SaveAsync(id, input, ct), id, db, work, ct))
            .Requires(Permission.FollowLeads);

        leads.MapPost("/{id:int}/contacts", async Task<Results<Ok<LeadDetailDto>, ValidationProblem, NotFound>> (int id, ContactInput input, LeadActions actions, DubanDb db, WorkContext work, CancellationToken ct) =>
            await DetailAfter(await actions.AddContactAsync(id, input, ct), id, db, work, ct))
            .Requires(Permission.FollowLeads);

        leads.MapPost("/{id:int}/stage", async Task<Results<Ok<LeadDetailDto>, ValidationProblem, NotFound>> (int id, LeadStageInput input, LeadActions actions, DubanDb db, WorkContext work, CancellationToken ct) =>
            await DetailAfter(await actions.MoveAsync(id, input, ct), id, db, work, ct))
            .Requires(Permission.FollowLeads);

        leads.MapPost("/{id:int}/termination", async Task<Results<Ok<LeadDetailDto>, ValidationProblem, NotFound>> (int id, TerminationInput input, LeadActions actions, DubanDb db, WorkContext work, CancellationToken ct) =>
            await DetailAfter(await actions.TerminateAsync(id, input, ct), id, db, work, ct))
            .Requires(Permission.FollowLeads);

        leads.MapPost("/{id:int}/restore", async Task<Results<Ok<LeadDetailDto>, ValidationProblem, NotFound>> (int id, LeadActions actions, DubanDb db, WorkContext work, CancellationToken ct) =>
            await DetailAfter(await actions.RestoreAsync(id, ct), id, db, work, ct))
            .Requires(Permission.EditWork);

        leads.MapPost("/{id:int}/landing", async Task<Results<Ok<LeadDetailDto>, ValidationProblem, NotFound>> (int id, LandingInput input, LeadActions actions, DubanDb db, WorkContext work, CancellationToken ct) =>
            await DetailAfter(await actions.LandAsync(id, input, ct), id, db, work, ct))
            .Requires(Permission.EditWork);
    }

    /// <summary>The office's lead ledger over the API: a dry run by default; dryRun=false writes it when nothing is wrong (422 when something is, and for a file that is not a workbook).</summary>
    private static async Task<IResult> ImportAsync(HttpRequest request, ImportLeads import, WorkContext work, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var scope = await work.ScopeAsync(ct);
        scope.Demand(Permission.ImportLedgers);
        var (upload, errors) = await LedgerFiles.ImportUpload.ReadAsync(request, l, ct);
        if (errors.Any || upload is null)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var result = await import.RunAsync(new LeadImporter(scope.RegionId, work.Today, work.UtcNow), upload.FileName, upload.Content, commit: !upload.DryRun, ct);
        return LedgerFiles.ImportUpload.Answer(result.ToJson().ToJsonString(LedgerFiles.ImportJson.Print), result.FileError is not null, upload.DryRun, result.Written);
    }

    private static async Task<Results<Ok<LeadDetailDto>, ValidationProblem, NotFound>> DetailAfter<T>(Outcome<T> outcome, int id, DubanDb db, WorkContext work, CancellationToken ct) =>
        outcome.Kind switch
        {
            OutcomeKind.Ok => await LeadQueries.DetailAsync(db, await work.ScopeAsync(ct), id, work.Today, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound(),
            OutcomeKind.Invalid => TypedResults.ValidationProblem(outcome.Errors!.ToDictionary()),
            _ => TypedResults.NotFound(),
        };
}

/// <summary>A lead ledger upload over the API.</summary>
public sealed class LeadImportForm
{
    public IFormFile? File { get; set; }
    public bool? DryRun { get; set; }
}

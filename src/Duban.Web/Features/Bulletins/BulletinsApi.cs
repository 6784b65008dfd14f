using Duban.Data;
using Duban.Documents;
using Duban.Domain.Access;
using Duban.Domain.Bulletins;
using Duban.Web.Features.Notices;
using Duban.Web.Features.Tasks;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Bulletins;

public sealed record BulletinRow(int Id, BulletinKind Kind, DateOnly PeriodStart, DateOnly PeriodEnd, BulletinStatus Status, string? Number, string Title, DateTime ComposedAt, DateOnly? IssuedOn);

public static class BulletinsApi
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static void MapBulletinsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/bulletins").WithTags("Bulletins");

        group.MapGet("/", async Task<Ok<List<BulletinRow>>> (BulletinStatus? status, DubanDb db, WorkContext work, CancellationToken ct) =>
            TypedResults.Ok(await ListAsync(db, await work.ScopeAsync(ct), work.May(Permission.ComposeBulletins), status, ct)))
            .Requires(Permission.Read);

        group.MapGet("/{id:int}", async Task<Results<Ok<BulletinDto>, NotFound>> (int id, DubanDb db, WorkContext work, CancellationToken ct) =>
        {
            var bulletin = await db.Bulletins.AsNoTracking().VisibleTo(await work.ScopeAsync(ct), work.May(Permission.ComposeBulletins)).FirstOrDefaultAsync(b => b.Id == id, ct);
            return bulletin is null ? TypedResults.NotFound() : TypedResults.Ok(BulletinDto.From(bulletin));
        }).Requires(Permission.Read);

        group.MapPost("/", async Task<Results<Created<BulletinDto>, ValidationProblem, NotFound>> (ComposeInput input, ComposeBulletin compose, WorkContext work, CancellationToken ct) =>
            (await compose.RunAsync((await work.ScopeAsync(ct)).RegionId, input, work.ActorName, ct)).ToCreated(BulletinDto.From, b => $"/api/v1/bulletins/{b.Id}"))
            .Requires(Permission.ComposeBulletins);

        group.MapPut("/{id:int}", async Task<Results<Ok<BulletinDto>, ValidationProblem, NotFound>> (int id, BulletinInput input, EditBulletin edit, WorkContext work, CancellationToken ct) =>
            (await edit.RunAsync(await work.ScopeAsync(ct), id, input, ct)).ToOk(BulletinDto.From))
            .Requires(Permission.ComposeBulletins);

        group.MapPost("/{id:int}/issue", async Task<Results<Ok<BulletinDto>, ValidationProblem, NotFound>> (int id, IssueBulletin issue, WorkContext work, CancellationToken ct) =>
            (await issue.RunAsync(await work.ScopeAsync(ct), id, work.ActorName, ct)).ToOk(BulletinDto.From))
            .Requires(Permission.ComposeBulletins);

        group.MapDelete("/{id:int}", async Task<Results<NoContent, ValidationProblem, NotFound>> (int id, DiscardBulletin discard, WorkContext work, CancellationToken ct) =>
        {
            var outcome = await discard.RunAsync(await work.ScopeAsync(ct), id, ct);
            return outcome.Kind switch
            {
                OutcomeKind.Ok => TypedResults.NoContent(),
                OutcomeKind.Invalid => TypedResults.ValidationProblem(outcome.Errors!.ToDictionary()),
                _ => TypedResults.NotFound(),
            };
        }).Requires(Permission.ComposeBulletins);

        // The bulletin as a Word document (GB/T 9704 layout), drafts included for the office.
        group.MapGet("/{id:int}/document", async Task<Results<FileContentHttpResult, NotFound>> (int id, DubanDb db, WorkContext work, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var bulletin = await db.Bulletins.AsNoTracking().VisibleTo(await work.ScopeAsync(ct), work.May(Permission.ComposeBulletins)).FirstOrDefaultAsync(b => b.Id == id, ct);
            if (bulletin is null)
            {
                return TypedResults.NotFound();
            }

            var bytes = DocxWriter.Write(BulletinDocument.Build(bulletin, l));
            return TypedResults.File(bytes, DocxType, FileName(bulletin));
        })
        .Produces(StatusCodes.Status200OK, contentType: DocxType)
            .Requires(Permission.Read);

        // A reminder letter or supervision notice as a Word document, for whoever may see its item.
        api.MapGet("/notices/{id:int}/document", async Task<Results<FileContentHttpResult, NotFound>> (int id, DubanDb db, WorkContext work, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var facts = await NoticeDocument.LoadAsync(db, await work.ScopeAsync(ct), id, ct);
            if (facts is null)
            {
                return TypedResults.NotFound();
            }

            return TypedResults.File(DocxWriter.Write(NoticeDocument.Build(facts, l)), DocxType, facts.Notice.Number + ".docx");
        })
        .Produces(StatusCodes.Status200OK, contentType: DocxType)
        .WithTags("Notices")
            .Requires(Permission.Read);
    }

    public static async Task<List<BulletinRow>> ListAsync(DubanDb db, Domain.Access.AccessScope scope, bool office, BulletinStatus? status, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var list = await db.Bulletins.AsNoTracking().VisibleTo(scope, office)
            .Where(b => status == null || b.Status == status)
            .OrderByDescending(b => b.PeriodStart).ThenBy(b => b.Kind).Take(500)
            .Select(b => new { b.Id, b.Kind, b.PeriodStart, b.PeriodEnd, b.Status, b.Year, b.Sequence, b.Title, b.ComposedAt, b.IssuedOn })
            .ToListAsync(ct);
        return list.Select(b => new BulletinRow(b.Id, b.Kind, b.PeriodStart, b.PeriodEnd, b.Status,
            b.Sequence is { } n && b.Year is { } y ? Bulletin.FormatNumber(y, n) : null, b.Title, b.ComposedAt, b.IssuedOn)).ToList();
    }

    /// <summary>"〔2026〕第5期 关于….docx", or the title and "草稿" for a draft.</summary>
    public static string FileName(Bulletin bulletin)
    {
        ArgumentNullException.ThrowIfNull(bulletin);
        var name = (bulletin.IsIssued ? bulletin.Number + " " : "草稿 ") + bulletin.Title;
        foreach (var c in Path.GetInvalidFileNameChars())
        {
            name = name.Replace(c, '_');
        }

        return (name.Length > 120 ? name[..120] : name) + ".docx";
    }
}

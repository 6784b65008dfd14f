using Duban.Data;
using Duban.Domain.Access;
using Duban.Web.Features.Tasks;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.Notices;

public sealed record MessageDto(long Id, int? WorkItemId, int? NoticeId, int? BulletinId, Domain.Work.MessageKind Kind, string Title, string? Body, DateTime CreatedAt, DateTime? ReadAt);

public static class NoticesApi
{
    public static void MapNoticesApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var notices = api.MapGroup("/notices").WithTags("Notices");

        notices.MapGet("/", async Task<Ok<List<NoticeDto>>> (bool? unanswered, DubanDb db, ScopeAccessor scopes, CancellationToken ct) =>
        {
            var scope = await scopes.GetAsync(ct);
            var visible = db.WorkItems.VisibleTo(db, scope).Select(w => w.Id);
            var list = await db.Notices.AsNoTracking()
                .Where(n => n.RegionId == scope.RegionId && visible.Contains(n.WorkItemId) && (unanswered != true || n.AnsweredAt == null))
                .OrderByDescending(n => n.IssuedAt).Take(500).ToListAsync(ct);
            return TypedResults.Ok(list.Select(NoticeDto.From).ToList());
        }).Requires(Permission.Read);

        api.MapPost("/tasks/{id:int}/notices", async Task<Results<Created<NoticeDto>, ValidationProblem, NotFound>> (int id, NoticeInput input, IssueNotice issue, CancellationToken ct) =>
            (await issue.RunAsync(id, input, ct)).ToCreated(NoticeDto.From, n => $"/api/v1/notices/{n.Id}")).WithTags("Notices")
            .Requires(Permission.IssueNotice);

        // A leader's instruction on an item: the same numbered, answered notice, of the kind only a leader gives.
        api.MapPost("/tasks/{id:int}/instructions", async Task<Results<Created<NoticeDto>, ValidationProblem, NotFound>> (int id, InstructionInput input, IssueNotice issue, CancellationToken ct) =>
            (await issue.RunAsync(id, new NoticeInput { Kind = Domain.Work.NoticeKind.Instruction, Body = input.Body, AnswerBy = input.AnswerBy }, ct)).ToCreated(NoticeDto.From, n => $"/api/v1/notices/{n.Id}")).WithTags("Notices")
            .Requires(Permission.Instruct);

        notices.MapPost("/{id:int}/answer", async Task<Results<Ok<NoticeDto>, ValidationProblem, NotFound>> (int id, AnswerInput input, AnswerNotice answer, CancellationToken ct) =>
            (await answer.RunAsync(id, input, ct)).ToOk(NoticeDto.From))
            .Requires(Permission.AnswerNotice);

        var inbox = api.MapGroup("/inbox").WithTags("Inbox");
        inbox.MapGet("/", async Task<Ok<List<MessageDto>>> (bool? unread, HttpContext http, DubanDb db, CancellationToken ct) =>
        {
            var me = http.User.AccountId();
            var list = await db.Messages.AsNoTracking().Where(m => m.AccountId == me && (unread != true || m.ReadAt == null))
                .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(200)
                .Select(m => new MessageDto(m.Id, m.WorkItemId, m.NoticeId, m.BulletinId, m.Kind, m.Title, m.Body, m.CreatedAt, m.ReadAt)).ToListAsync(ct);
            return TypedResults.Ok(list);
        }).Requires(Permission.OwnAccount);

        inbox.MapPost("/{id:long}/read", async Task<Results<NoContent, NotFound>> (long id, HttpContext http, DubanDb db, TimeProvider clock, CancellationToken ct) =>
        {
            var me = http.User.AccountId();
            var now = clock.GetUtcNow().UtcDateTime;
            var updated = await db.Messages.Where(m => m.Id == id && m.AccountId == me).ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadAt, m => m.ReadAt ?? now), ct);
            return updated == 0 ? TypedResults.NotFound() : TypedResults.NoContent();
        }).Requires(Permission.OwnAccount);
    }
}

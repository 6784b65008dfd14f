using System.Globalization;
using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Work;
using Duban.Web.Features.Tasks;
using Duban.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Notices;

public sealed record NoticeInput
{
    public NoticeKind Kind { get; init; } = NoticeKind.SupervisionNotice;
    public string? Body { get; init; }
    public DateOnly? AnswerBy { get; init; }
}

public sealed record InstructionInput
{
    public string? Body { get; init; }
    public DateOnly? AnswerBy { get; init; }
}

public sealed record AnswerInput
{
    public string? Answer { get; init; }
}

public sealed record NoticeDto(int Id, int WorkItemId, NoticeKind Kind, string Number, string Body, DateOnly AnswerBy, DateTime IssuedAt, string IssuedBy, string? Answer, DateTime? AnsweredAt, string? AnsweredBy)
{
    public static NoticeDto From(Notice n)
    {
        ArgumentNullException.ThrowIfNull(n);
        return new(n.Id, n.WorkItemId, n.Kind, n.Number, n.Body, n.AnswerBy, n.IssuedAt, n.IssuedByName, n.Answer, n.AnsweredAt, n.AnsweredByName);
    }
}

/// <summary>The office issues a numbered reminder letter or supervision notice; the lead unit is told in its inbox.</summary>
public sealed class IssueNotice(DubanDb db, WorkContext work, QueueDeliveries queue, IStringLocalizer<SharedResource> l)
{
    public async Task<Outcome<Notice>> RunAsync(int taskId, NoticeInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = await work.ScopeAsync(ct);
        var item = await db.WorkItems.VisibleTo(db, scope).FirstOrDefaultAsync(w => w.Id == taskId, ct);
        if (item is null)
        {
            return Outcome<Notice>.NotFound();
        }

        // Letters and notices are the office's; an instruction (批示) is a leader's.
        scope.Demand(input.Kind == NoticeKind.Instruction ? Permission.Instruct : Permission.IssueNotice, item);
        var errors = new ValidationErrors();
        var body = input.Body?.Trim();
        if (string.IsNullOrEmpty(body))
        {
            errors.Add(nameof(NoticeInput.Body), l["Validation.Required"]);
        }
        else if (body.Length > 4000)
        {
            errors.Add(nameof(NoticeInput.Body), l["Validation.MaxLength", 4000]);
        }

        if (input.AnswerBy is null)
        {
            errors.Add(nameof(NoticeInput.AnswerBy), l["Validation.Required"]);
        }
        else if (input.AnswerBy < work.Today)
        {
            errors.Add(nameof(NoticeInput.AnswerBy), l["Refusal.DateInPast"]);
        }

        if (!Enum.IsDefined(input.Kind))
        {
            errors.Add(nameof(NoticeInput.Kind), l["Validation.Invalid"]);
        }

        if (item.Status == WorkItemStatus.Closed)
        {
            errors.Add(string.Empty, l["Refusal.Closed"]);
        }

        if (errors.Any)
        {
            return Outcome<Notice>.Invalid(errors);
        }

        var notice = await NoticeIssuer.IssueAsync(db, queue, l, item, input.Kind, body!, input.AnswerBy!.Value, work.ActorName, work.UtcNow, work.Today.Year, ct);
        return Outcome<Notice>.Ok(notice);
    }
}

/// <summary>Numbers a notice per region, kind and year, stores it and tells the lead unit, in one transaction.</summary>
public static class NoticeIssuer
{
    public static async Task<Notice> IssueAsync(DubanDb db, QueueDeliveries queue, IStringLocalizer<SharedResource> l, WorkItem item, NoticeKind kind, string body, DateOnly answerBy, string issuedBy, DateTime utcNow, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(item);
        for (var attempt = 1; ; attempt++)
        {
            // The next number of this kind this year; the unique index refuses a number taken meanwhile.
            var sequence = 1 + (await db.Notices.IgnoreQueryFilters().Where(n => n.RegionId == item.RegionId && n.Kind == kind && n.Year == year).MaxAsync(n => (int?)n.Sequence, ct) ?? 0);
            var notice = new Notice
            {
                RegionId = item.RegionId,
                WorkItemId = item.Id,
                Kind = kind,
                Year = year,
                Sequence = sequence,
                Body = body,
                AnswerBy = answerBy,
                IssuedAt = utcNow,
                IssuedByName = issuedBy,
            };
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                db.Notices.Add(notice);
                await db.SaveChangesAsync(ct);
                var title = l["Notices.MessageTitle", notice.Number, item.Name].Value;
                var messages = (await Inbox.RecipientsAsync(db, item, ct)).Select(account => new Message
                {
                    RegionId = item.RegionId,
                    AccountId = account,
                    WorkItemId = item.Id,
                    NoticeId = notice.Id,
                    Kind = MessageKind.Notice,
                    Title = title,
                    Body = l["Notices.MessageBody", notice.AnswerBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)].Value,
                    CreatedAt = utcNow,
                    DedupKey = $"Notice:{notice.Id}:{account}",
                }).ToList();
                await Inbox.AddAsync(db, messages, queue, ct);
                await transaction.CommitAsync(ct);
                return notice;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
    }
}

/// <summary>The lead unit answers a notice in writing, once.</summary>
public sealed class AnswerNotice(DubanDb db, WorkContext work, IStringLocalizer<SharedResource> l)
{
    public async Task<Outcome<Notice>> RunAsync(int noticeId, AnswerInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = await work.ScopeAsync(ct);
        var notice = await db.Notices.FirstOrDefaultAsync(n => n.Id == noticeId && n.RegionId == scope.RegionId, ct);
        var item = notice is null ? null : await db.WorkItems.VisibleTo(db, scope).FirstOrDefaultAsync(w => w.Id == notice.WorkItemId, ct);
        if (notice is null || item is null)
        {
            return Outcome<Notice>.NotFound();
        }

        scope.Demand(Permission.AnswerNotice, item);
        var errors = new ValidationErrors();
        if ((input.Answer?.Trim().Length ?? 0) > 4000)
        {
            errors.Add(nameof(AnswerInput.Answer), l["Validation.MaxLength", 4000]);
        }
        else if (notice.Respond(input.Answer ?? string.Empty, work.ActorName, work.UtcNow) is { } refusal)
        {
            errors.Add(refusal == Refusal.StatementRequired ? nameof(AnswerInput.Answer) : string.Empty, l[refusal == Refusal.NotPending ? "Notices.AlreadyAnswered" : "Refusal." + refusal.Code]);
        }

        if (errors.Any)
        {
            return Outcome<Notice>.Invalid(errors);
        }

        await db.SaveChangesAsync(ct);
        return Outcome<Notice>.Ok(notice);
    }
}

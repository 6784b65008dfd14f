using Duban.Data;
using Duban.Documents;
using Duban.Domain.Access;
using Duban.Domain.Bulletins;
using Duban.Domain.Work;
using Duban.Web.Features.Bulletins;
using Duban.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Notices;

/// <summary>
/// A reminder letter (提醒函) or supervision notice (督办单) as the document the unit receives: masthead, number,
/// issuing office and date, the unit addressed, the office's words, a form of the item (lead and supporting
/// units, leader, deadline, light), the answer date, signature; and the unit's written answer once given.
/// </summary>
public static class NoticeDocument
{
    public sealed record Facts(Notice Notice, WorkItem Item, string LeadUnit, IReadOnlyList<string> SupportingUnits, string? Leader, string? Office, string RegionName, TimeZoneInfo Zone);

    /// <summary>The notice and what its document names, if the caller may see its item.</summary>
    public static async Task<Facts?> LoadAsync(DubanDb db, AccessScope scope, int noticeId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var notice = await db.Notices.AsNoTracking().FirstOrDefaultAsync(n => n.Id == noticeId && n.RegionId == scope.RegionId, ct);
        var item = notice is null ? null : await db.WorkItems.AsNoTracking().VisibleTo(db, scope).FirstOrDefaultAsync(w => w.Id == notice.WorkItemId, ct);
        if (notice is null || item is null)
        {
            return null;
        }

        var lead = await db.Units.AsNoTracking().Where(u => u.Id == item.LeadUnitId).Select(u => u.Name).FirstAsync(ct);
        var supporting = await db.WorkItemUnits.AsNoTracking().Where(s => s.WorkItemId == item.Id)
            .Join(db.Units, s => s.UnitId, u => u.Id, (s, u) => u.ShortName ?? u.Name).ToListAsync(ct);
        var leader = item.LeaderId is { } id ? await db.People.AsNoTracking().Where(p => p.Id == id).Select(p => p.Name).FirstOrDefaultAsync(ct) : null;
        var region = await db.Regions.AsNoTracking().FirstAsync(r => r.Id == scope.RegionId, ct);
        var settings = await db.RegionLightSettings.AsNoTracking().FirstOrDefaultAsync(s => s.RegionId == scope.RegionId, ct);
        return new Facts(notice, item, lead, supporting, leader, settings?.BulletinOffice, region.Name, TimeZoneInfo.FindSystemTimeZoneById(region.TimeZoneId));
    }

    public static OfficialDocument Build(Facts facts, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(l);
        using var _ = DocumentCulture.Use();
        var (n, item) = (facts.Notice, facts.Item);
        // An instruction is signed by the leader who gave it, not by the office.
        var office = n.Kind == NoticeKind.Instruction ? n.IssuedByName : BulletinAccess.IssuingOffice(facts.Office, facts.RegionName, l);
        var issuedOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(n.IssuedAt, facts.Zone));
        var kind = l.Of(n.Kind);
        var blocks = new List<DocBlock>
        {
            new DocParagraph(ParagraphKind.Masthead, l[n.Kind switch
            {
                NoticeKind.SupervisionNotice => "Notice.Doc.MastheadNotice",
                NoticeKind.Instruction => "Notice.Doc.MastheadInstruction",
                NoticeKind.ReminderLetter => "Notice.Doc.MastheadLetter",
                _ => "Notice.Doc.MastheadLetter",
            }]),
            new DocParagraph(ParagraphKind.IssueNumber, n.Number),
            new DocIssuerLine(office, BulletinPeriod.ChineseDate(issuedOn)),
            new DocParagraph(ParagraphKind.Title, l["Notice.Doc.Title", item.Name, kind]),
            new DocParagraph(ParagraphKind.Addressee, l["Notice.Doc.Addressee", facts.LeadUnit]),
            new DocParagraph(ParagraphKind.Body, n.Body),
            new DocTable(
                [new(string.Empty, 36, true), new(string.Empty, 120)],
                [
                    [l["Notice.Doc.Item"], item.Name],
                    [l["Notice.Doc.LeadUnit"], facts.LeadUnit],
                    [l["Notice.Doc.SupportingUnits"], facts.SupportingUnits.Count == 0 ? "—" : string.Join("、", facts.SupportingUnits)],
                    [l["Notice.Doc.Leader"], facts.Leader ?? "—"],
                    [l["Notice.Doc.Deadline"], item.Deadline is { } d ? BulletinPeriod.ChineseDate(d) : l["Notice.Doc.Ongoing"]],
                    [l["Notice.Doc.Light"], l.Of(item.Light) + "：" + new LightView(item.Light, item.LightReason, item.LightReasonDate, item.LightReasonText, item.LightReasonNumber).ReasonText(l)],
                    [l["Notice.Doc.AnswerBy"], BulletinPeriod.ChineseDate(n.AnswerBy)],
                ]),
            new DocParagraph(ParagraphKind.Body, l["Notice.Doc.Request", BulletinPeriod.ChineseDate(n.AnswerBy), office]),
            new DocParagraph(ParagraphKind.Signature, office),
            new DocParagraph(ParagraphKind.Signature, BulletinPeriod.ChineseDate(issuedOn)),
        };
        if (n.IsAnswered)
        {
            var answeredOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(n.AnsweredAt!.Value, facts.Zone));
            blocks.Add(new DocParagraph(ParagraphKind.Heading1, l["Notice.Doc.AnswerHeading"]));
            blocks.Add(new DocParagraph(ParagraphKind.Body, n.Answer ?? string.Empty));
            blocks.Add(new DocParagraph(ParagraphKind.Note, l["Notice.Doc.AnsweredBy", n.AnsweredByName ?? string.Empty, BulletinPeriod.ChineseDate(answeredOn)]));
        }

        return new OfficialDocument(n.Number, office, blocks);
    }
}

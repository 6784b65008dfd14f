using System.Globalization;
using Duban.Documents;
using Duban.Domain.Bulletins;
using Duban.Domain.Work;
using Duban.Web.Features.Tasks;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Bulletins;

/// <summary>
/// Lays a bulletin out as an official document: masthead, number, issuing office and date, title, addressee,
/// the office's summary, the period's activity with two charts, the red and yellow items, the units' on-time
/// ranking, the requirements, signature and record. The .docx and the print view are both made from it.
/// Documents are written in Chinese, the language they are issued in, whatever the screen's language.
/// </summary>
public static class BulletinDocument
{
    private static readonly CultureInfo Chinese = new(Cultures.Chinese);

    public static OfficialDocument Build(Bulletin bulletin, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(bulletin);
        ArgumentNullException.ThrowIfNull(l);
        using var _ = DocumentCulture.Use();
        var f = BulletinFigures.FromJson(bulletin.Figures);
        var date = BulletinPeriod.ChineseDate(bulletin.IssuedOn ?? f.AsOf);
        var blocks = new List<DocBlock>
        {
            new DocParagraph(ParagraphKind.Masthead, l["Bulletin.Doc.Masthead"]),
            new DocParagraph(ParagraphKind.IssueNumber, bulletin.IsIssued ? bulletin.Number : l["Bulletin.Doc.DraftNumber", f.AsOf.Year]),
            new DocIssuerLine(bulletin.IssuingOffice, date),
            new DocParagraph(ParagraphKind.Title, bulletin.Title),
            new DocParagraph(ParagraphKind.Addressee, bulletin.Addressee),
            new DocParagraph(ParagraphKind.Body, bulletin.Summary),
        };

        var when = bulletin.Kind == BulletinKind.Weekly
            ? l["Bulletin.Doc.ThisWeek", f.PeriodStart.Month, f.PeriodStart.Day, f.PeriodEnd.Month, f.PeriodEnd.Day].Value
            : l["Bulletin.Doc.ThisMonth", f.PeriodStart.Month].Value;
        var p = f.Period;
        // Sections are numbered as they come: the indicators' section is there only when the region tracks indicators.
        var numbers = l["Bulletin.Doc.SectionNumbers"].Value.Split(',');
        var section = 0;
        string Heading(string key) => l[key, numbers[Math.Min(section++, numbers.Length - 1)]];
        blocks.Add(new DocParagraph(ParagraphKind.Heading1, Heading("Bulletin.Doc.ActivityHeading")));
        blocks.Add(new DocParagraph(ParagraphKind.Body, l["Bulletin.Doc.Activity", when, p.NewRed, p.NewYellow, p.Closed, p.Reports, p.LateReports, p.Letters, p.Notices]));
        blocks.AddRange(ChartsOf(f, l));

        if (f.Indicators is { Count: > 0 } indicators)
        {
            AddIndicators(blocks, l, Heading("Bulletin.Doc.IndicatorsHeading"), indicators);
        }

        if (f.Leads is { } leads)
        {
            var inv = System.Globalization.CultureInfo.InvariantCulture;
            string Rate(double? v) => v is null ? "—" : v.Value.ToString("0.#", inv) + "%";
            blocks.Add(new DocParagraph(ParagraphKind.Heading1, Heading("Bulletin.Doc.LeadsHeading")));
            blocks.Add(new DocParagraph(ParagraphKind.Body, l["Bulletin.Doc.Leads", leads.Open, leads.NewInPeriod, f.AsOf.Year, leads.SignedThisYear,
                (leads.SignedAmountThisYear / 10000m).ToString("#,0.##", inv), leads.LandedThisYear, Rate(leads.SigningRate), Rate(leads.LandingRate)]));
            blocks.Add(new DocParagraph(ParagraphKind.Body, l["Bulletin.Doc.LeadsAttention", leads.Stale, leads.SignedNotLanded, leads.Red, leads.Yellow]));
        }

        AddItems(blocks, l, Heading("Bulletin.Doc.RedHeading"), f.Red, f.RedTotal, Light.Red, f.AsOf);
        AddItems(blocks, l, Heading("Bulletin.Doc.YellowHeading"), f.Yellow, f.YellowTotal, Light.Yellow, f.AsOf);

        blocks.Add(new DocParagraph(ParagraphKind.Heading1, Heading("Bulletin.Doc.RankingHeading")));
        var top = f.Top.ToList();
        var bottom = f.Bottom.ToList();
        string Named(IEnumerable<RankedUnit> units) => string.Join("、", units.Select(u => l["Bulletin.Doc.RankedName", u.Unit, u.OnTimeRate ?? 0].Value));
        blocks.Add(new DocParagraph(ParagraphKind.Body, top.Count == 0 ? l["Bulletin.Doc.NoRanking"]
            : bottom.Count == 0 ? l["Bulletin.Doc.RankingTopOnly", Named(top)]
            : l["Bulletin.Doc.Ranking", Named(top), Named(bottom)]));
        if (f.Ranking.Count > 0)
        {
            blocks.Add(new DocTable(
                [
                    new(l["Bulletin.Doc.Col.Rank"], 12, true), new(l["Bulletin.Doc.Col.Unit"], 40), new(l["Bulletin.Doc.Col.Items"], 14, true),
                    new(l["Bulletin.Doc.Col.Due"], 16, true), new(l["Bulletin.Doc.Col.OnTime"], 18, true), new(l["Bulletin.Doc.Col.Rate"], 20, true),
                    new(l["Bulletin.Doc.Col.Red"], 12, true), new(l["Bulletin.Doc.Col.Yellow"], 12, true), new(l["Bulletin.Doc.Col.Missing"], 12, true),
                ],
                f.Ranking.Select(r => (IReadOnlyList<string>)
                [
                    r.Rank?.ToString(Chinese) ?? "—", r.Unit, N(r.Items), N(r.Due), N(r.OnTime), r.OnTimeRate is { } rate ? rate.ToString(Chinese) + "%" : "—", N(r.Red), N(r.Yellow), N(r.ReportsMissing),
                ]).ToList()));
        }

        blocks.Add(new DocParagraph(ParagraphKind.Heading1, Heading("Bulletin.Doc.RequirementsHeading")));
        blocks.Add(new DocParagraph(ParagraphKind.Body, bulletin.Requirements));
        blocks.Add(new DocParagraph(ParagraphKind.Signature, bulletin.IssuingOffice));
        blocks.Add(new DocParagraph(ParagraphKind.Signature, date));
        var record = new List<(string, string?)>();
        if (!string.IsNullOrWhiteSpace(bulletin.CopyTo))
        {
            record.Add((l["Bulletin.Doc.CopyTo", bulletin.CopyTo.Trim()], null));
        }

        record.Add((bulletin.IssuingOffice, l["Bulletin.Doc.Printed", date]));
        blocks.Add(new DocRecord(record));
        return new OfficialDocument(bulletin.Title, bulletin.IssuingOffice, blocks);
    }

    private static string N(int n) => n.ToString(Chinese);

    private static void AddItems(List<DocBlock> blocks, IStringLocalizer l, string heading, IReadOnlyList<BulletinItem> items, int total, Light light, DateOnly asOf)
    {
        blocks.Add(new DocParagraph(ParagraphKind.Heading1, heading));
        var lightName = l.Of(light);
        if (total == 0)
        {
            blocks.Add(new DocParagraph(ParagraphKind.Body, l["Bulletin.Doc.NoItems", BulletinPeriod.ChineseDate(asOf), lightName]));
            return;
        }

        blocks.Add(new DocParagraph(ParagraphKind.Body, l["Bulletin.Doc.Items", BulletinPeriod.ChineseDate(asOf), lightName, total]));
        blocks.Add(new DocTable(
            [
                new(l["Bulletin.Doc.Col.No"], 10, true), new(l["Bulletin.Doc.Col.Item"], 42), new(l["Bulletin.Doc.Col.LeadUnit"], 24),
                new(l["Bulletin.Doc.Col.Leader"], 18, true), new(l["Bulletin.Doc.Col.Reason"], 34), new(l["Bulletin.Doc.Col.Problem"], 28),
            ],
            items.Select((i, n) => (IReadOnlyList<string>)
            [
                (n + 1).ToString(Chinese),
                i.Kind == WorkItemKind.KeyProject ? l["Bulletin.Doc.ProjectName", i.Name].Value : i.Name,
                i.LeadUnit ?? string.Empty,
                i.Leader ?? string.Empty,
                new LightView(i.Light, i.Reason, i.ReasonDate, i.ReasonText, i.ReasonNumber).ReasonText(l),
                Problem(l, i),
            ]).ToList()));
        if (total > items.Count)
        {
            blocks.Add(new DocParagraph(ParagraphKind.Note, l["Bulletin.Doc.MoreItems", items.Count, total - items.Count]));
        }
    }

    /// <summary>
    /// 主要经济指标完成情况: how many are on pace, the weak ones (薄弱指标) named with why, a table of all, and which
    /// revision of the bureau's figures it used.
    /// </summary>
    private static void AddIndicators(List<DocBlock> blocks, IStringLocalizer l, string heading, IReadOnlyList<BulletinIndicator> indicators)
    {
        string Pct(decimal? v) => v is { } x ? x.ToString("0.0", Chinese) : "—";
        string Period(BulletinIndicator i) => i.PeriodTo is { } to ? (i.PeriodFrom is { } from && from < to ? l["Indicators.PeriodRange", from, to].Value : l["Indicators.PeriodMonth", to].Value) : "—";
        var weak = indicators.Where(i => i.Light is Light.Red or Light.Yellow).OrderByDescending(i => i.Light).ThenByDescending(i => i.Gap ?? 0).ToList();
        var latest = indicators.Max(i => i.PeriodTo) ?? 0;
        blocks.Add(new DocParagraph(ParagraphKind.Heading1, heading));
        blocks.Add(new DocParagraph(ParagraphKind.Body, l["Bulletin.Doc.Indicators", latest, indicators.Count, indicators.Count(i => i.Light == Light.Green), weak.Count]));
        if (weak.Count > 0)
        {
            blocks.Add(new DocParagraph(ParagraphKind.Body, l["Bulletin.Doc.WeakIndicators", string.Join("；", weak.Select(i =>
                l["Bulletin.Doc.WeakIndicator", i.Name, new LightView(i.Light, i.Reason, null, null, i.ReasonNumber).ReasonText(l)].Value))]));
        }

        blocks.Add(new DocTable(
            [
                new(l["Indicators.Name"], 40), new(l["Indicators.Period"], 18, true), new(l["Indicators.Value"], 22, true), new(l["Indicators.Yoy"], 16, true),
                new(l["Indicators.Completion"], 18, true), new(l["Indicators.TimeProgress"], 18, true), new(l["Bulletin.Doc.Col.Light"], 14, true),
            ],
            indicators.Select(i => (IReadOnlyList<string>)
            [
                (i.IsPart ? l["Indicators.Of"].Value : string.Empty) + i.Name + (i.Measure is { } m ? "（" + m + "）" : string.Empty),
                Period(i),
                i.Value is { } v ? v.ToString("#,0.##", Chinese) : "—",
                i.Yoy is { } y ? (y > 0 ? "+" : string.Empty) + y.ToString("0.0", Chinese) : "—",
                Pct(i.Completion),
                Pct(i.Completion is null ? null : i.TimeProgress),
                l.Of(i.Light),
            ]).ToList()));
        var revisions = indicators.Where(i => i.Revision is not null).Select(i => i.Revision!.Value).Distinct().Order().Select(r => l.Of(r)).ToList();
        if (revisions.Count > 0)
        {
            blocks.Add(new DocParagraph(ParagraphKind.Note, l["Bulletin.Doc.IndicatorRevisions", string.Join("、", revisions)]));
        }
    }

    private static string Problem(IStringLocalizer l, BulletinItem item)
    {
        var text = item.Problems is { Length: > 80 } long_ ? long_[..80] + "…" : item.Problems;
        return (item.Cause, text) switch
        {
            (null, null) => string.Empty,
            ({ } cause, null) => l.Of(cause),
            (null, { } t) => t,
            ({ } cause, { } t) => l.Of(cause) + "：" + t,
        };
    }

    private static IEnumerable<DocBlock> ChartsOf(BulletinFigures f, IStringLocalizer l)
    {
        // The units with most red first, as the overview lists them; at most twenty bars.
        var units = f.Ranking.OrderByDescending(r => r.Red).ThenByDescending(r => r.Yellow).ThenBy(r => r.Unit, StringComparer.Ordinal).Take(20).ToList();
        if (units.Count > 0)
        {
            var bars = Charts.StackedBars(l["Bulletin.Doc.ChartUnits"], units.Select(u => u.Unit).ToList(),
            [
                new(l.Of(Light.Red), Charts.Red, units.Select(u => (double)u.Red).ToList()),
                new(l.Of(Light.Yellow), Charts.Yellow, units.Select(u => (double)u.Yellow).ToList()),
                new(l["Bulletin.Doc.OtherLights"], Charts.Green, units.Select(u => (double)(u.Items - u.Red - u.Yellow)).ToList()),
            ]);
            yield return new DocImage(bars.Png, bars.Width, bars.Height, 150, l["Bulletin.Doc.ChartUnits"]);
            yield return new DocParagraph(ParagraphKind.Caption, l["Bulletin.Doc.Figure", 1, l["Bulletin.Doc.ChartUnits"]]);
        }

        if (f.Trend.Count > 0)
        {
            var weeks = f.Trend.Select(t => t.WeekStarting.ToString("M/d", Chinese)).ToList();
            var lines = Charts.Lines(l["Bulletin.Doc.ChartTrend"], weeks,
            [
                new(l["Overview.NewRed"], Charts.Red, f.Trend.Select(t => (double)t.NewRed).ToList()),
                new(l["Overview.NewYellow"], Charts.Yellow, f.Trend.Select(t => (double)t.NewYellow).ToList()),
                new(l["Overview.Closed"], Charts.Green, f.Trend.Select(t => (double)t.Closed).ToList()),
            ]);
            yield return new DocImage(lines.Png, lines.Width, lines.Height, 150, l["Bulletin.Doc.ChartTrend"]);
            yield return new DocParagraph(ParagraphKind.Caption, l["Bulletin.Doc.Figure", units.Count > 0 ? 2 : 1, l["Bulletin.Doc.ChartTrend"]]);
        }
    }
}

/// <summary>Sets the UI culture to Chinese for as long as a document is being written, then puts it back.</summary>
public sealed class DocumentCulture : IDisposable
{
    private readonly CultureInfo before = CultureInfo.CurrentUICulture;

    private DocumentCulture() => CultureInfo.CurrentUICulture = new CultureInfo(Cultures.Chinese);

    public static DocumentCulture Use() => new();

    public void Dispose() => CultureInfo.CurrentUICulture = before;
}

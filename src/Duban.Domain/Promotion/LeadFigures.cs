namespace Duban.Domain.Promotion;

/// <summary>
/// What the database counts for one stage: leads standing at it now, leads whose furthest stage it is, and the
/// days leads spent in it (the sum and how many stays), each stay being <c>(LeftDay ?? today) − OnDay</c>.
/// </summary>
public sealed record StageCount(LeadStage Stage, int Now, int Highest, long Days, int Stays);

/// <summary>One stage of the funnel: leads there now, leads that reached it or passed it, and the average days spent in it.</summary>
public sealed record StageFigure(LeadStage Stage, int Now, int Reached, double? AverageDays);

/// <summary>
/// The pipeline's figures, computed here once for the board, the overview and bulletins. The funnel counts a
/// lead at every stage up to the furthest it reached (a terminated lead too: it was signed if it got there);
/// the signing rate is leads that reached 已签约 ÷ all leads; the landing rate (落地率) is landed ÷ signed;
/// time in stage is the average of every stay in it, the stays still open counted to today.
/// </summary>
public static class LeadFigures
{
    public static readonly IReadOnlyList<LeadStage> Funnel = [LeadStage.Clue, LeadStage.Intent, LeadStage.Negotiating, LeadStage.Signed, LeadStage.Registered, LeadStage.Landed];

    public static IReadOnlyList<StageFigure> Stages(IReadOnlyCollection<StageCount> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return Funnel.Select(stage =>
        {
            var own = counts.Where(c => c.Stage == stage).ToList();
            var reached = counts.Where(c => c.Stage != LeadStage.Terminated && c.Stage >= stage).Sum(c => c.Highest);
            var stays = own.Sum(c => c.Stays);
            double? average = stage == LeadStage.Landed || stays == 0 ? null : Math.Round((double)own.Sum(c => c.Days) / stays, 1);
            return new StageFigure(stage, own.Sum(c => c.Now), reached, average);
        }).ToList();
    }

    /// <summary>All leads, whatever their stage.</summary>
    public static int Total(IReadOnlyCollection<StageCount> counts) => counts?.Sum(c => c.Now) ?? 0;

    /// <summary>Leads that reached 已签约 or beyond ÷ all leads, in percent (one decimal); null with no leads.</summary>
    public static double? SigningRate(IReadOnlyCollection<StageCount> counts)
    {
        var total = Total(counts);
        return total == 0 ? null : Percent(Reached(counts, LeadStage.Signed), total);
    }

    /// <summary>落地率: landed ÷ leads that reached 已签约, in percent (one decimal); null with none signed.</summary>
    public static double? LandingRate(IReadOnlyCollection<StageCount> counts)
    {
        var signed = Reached(counts, LeadStage.Signed);
        return signed == 0 ? null : Percent(Reached(counts, LeadStage.Landed), signed);
    }

    public static int Reached(IReadOnlyCollection<StageCount> counts, LeadStage stage) =>
        counts?.Where(c => c.Stage != LeadStage.Terminated && c.Stage >= stage).Sum(c => c.Highest) ?? 0;

    /// <summary>A share in percent with one decimal, rounded half away from zero; 0 of nothing is 0.</summary>
    public static double Percent(int part, int whole) => whole == 0 ? 0 : Math.Round(part * 1000.0 / whole, MidpointRounding.AwayFromZero) / 10;
}

using System.Text.RegularExpressions;

namespace Duban.Sheets.Ledgers;

/// <summary>
/// What a ledger holds: tasks (任务清单), key projects (重点项目台账), investment-promotion leads (招商引资在谈项目台账)
/// or the register of investment-promotion trips (外出招商登记).
/// </summary>
public enum LedgerKind
{
    Tasks,
    Projects,
    Leads,
    Trips,
}

/// <summary>How a column's values are read.</summary>
public enum FieldType
{
    Text,
    Number,
    Units,
    Unit,
    Person,
    Date,
    Amount,
    Stage,
    Nature,
    Years,
    Coordinates,
    Milestones,

    /// <summary>A lead's stage word, read by <see cref="Values.LeadStageWords"/>.</summary>
    LeadStage,

    /// <summary>Where a lead came from: the text as written, and a code when the words are in <see cref="Values.SourceWords"/>.</summary>
    Source,

    /// <summary>A whole count ("6", "６家").</summary>
    Count,

    /// <summary>A count of firms, or the firms' names (counted, with a warning).</summary>
    FirmCount,

    /// <summary>The days of a trip: one date, a range, or a month only (approximate).</summary>
    DateSpan,

    /// <summary>The day something happened (a contact, a signing): a date, never a month or a period.</summary>
    Day,
    Ignored,
}

/// <summary>
/// A field a column can be mapped to: its name in code (camelCase, from the glossary) and the headers offices use
/// for it. A synonym written "=项目" counts only as the whole header: "项目来源" and "投资方所在地" are not the
/// project's name or place.
/// </summary>
public sealed record LedgerField(string Name, FieldType Type, string Label, params string[] Synonyms)
{
    /// <summary>The synonyms normalized once: those that must be the whole header, and those a header may contain.</summary>
    internal (string[] Whole, string[] Contained) Normalized { get; } = (
        Synonyms.Select(s => HeaderText.Normalize(s.TrimStart('='))).ToArray(),
        Synonyms.Where(s => !s.StartsWith('=')).Select(s => HeaderText.Normalize(s)).Where(s => s.Length >= 2).ToArray());
}

/// <summary>
/// The fields of each kind of ledger, with the header texts offices use for them. Headers are compared after
/// <see cref="HeaderText.Normalize"/>: exact synonyms first, then the longest synonym the header contains.
/// </summary>
public static partial class LedgerFields
{
    public static readonly LedgerField Number = new("number", FieldType.Text, "序号", "序号", "编号", "项目编号", "任务编号", "No");
    public static readonly LedgerField Leader = new("leader", FieldType.Person, "责任领导", "责任领导", "分管领导", "牵头领导", "包联领导", "县级领导", "联系领导", "责任县领导", "分管县领导", "包抓领导");
    public static readonly LedgerField Ignored = new("ignored", FieldType.Ignored, "（不导入）");

    public static readonly IReadOnlyList<LedgerField> Tasks =
    [
        Number,
        new("name", FieldType.Text, "重点任务", "重点任务", "任务名称", "工作任务", "重点工作", "=任务", "=事项", "事项名称", "工作事项", "重点工作任务", "工作内容", "任务内容"),
        new("content", FieldType.Text, "具体目标", "具体目标", "目标任务", "具体目标（量化指标）", "目标要求", "工作目标", "量化指标", "具体内容", "主要内容", "任务目标", "目标值"),
        new("milestones", FieldType.Milestones, "时间节点", "时间节点", "节点安排", "推进计划", "时间安排", "进度安排", "节点目标"),
        Leader,
        new("leadUnit", FieldType.Unit, "牵头单位", "牵头单位", "责任单位", "主责单位", "牵头部门", "责任部门", "主办单位", "牵头责任单位"),
        new("supportingUnits", FieldType.Units, "配合单位", "配合单位", "协办单位", "配合部门", "参与单位", "协同单位", "责任配合单位"),
        new("deadline", FieldType.Date, "完成时限", "完成时限", "完成时间", "时限要求", "办结时限", "截止时间", "时限"),
        new("progress", FieldType.Text, "进展情况", "进展情况", "工作进展", "推进情况", "完成情况", "进度情况", "目前进展", "落实情况"),
        new("problems", FieldType.Text, "存在问题及下步打算", "存在问题及下步打算", "存在问题", "问题及困难", "存在困难", "下步打算", "存在问题及下步措施"),
        new("liaison", FieldType.Person, "联络员", "联络员", "责任人", "具体责任人", "经办人", "联系人", "负责人"),
        new("light", FieldType.Ignored, "亮灯", "亮灯", "亮灯情况", "状态"),
    ];

    public static readonly IReadOnlyList<LedgerField> Projects =
    [
        Number,
        new("name", FieldType.Text, "项目名称", "项目名称", "项目名称及建设内容", "=项目", "=项目名"),
        new("scale", FieldType.Text, "建设内容及规模", "建设内容及规模", "建设内容", "建设规模及内容", "主要建设内容", "建设规模"),
        new("nature", FieldType.Nature, "建设性质", "建设性质", "项目性质", "性质"),
        new("years", FieldType.Years, "建设起止年限", "建设起止年限", "起止年限", "建设年限", "建设周期"),
        new("totalInvestment", FieldType.Amount, "总投资", "总投资", "计划总投资", "项目总投资", "总投资额"),
        new("annualPlan", FieldType.Amount, "年度计划投资", "年度计划投资", "年计划投资", "计划投资", "本年计划投资", "年度投资计划", "年度计划", "年计划", "本年计划", "年度计划额", "年度投资"),
        new("completedToDate", FieldType.Amount, "累计完成投资", "累计完成投资", "完成投资", "本年完成投资", "实际完成投资", "已完成投资", "累计完成额", "完成额"),
        new("completionRate", FieldType.Ignored, "完成率", "完成率", "投资完成率", "完成比例", "完成进度"),
        new("physicalProgress", FieldType.Text, "形象进度", "形象进度", "项目进展", "进展情况", "工程进度", "目前进展"),
        new("stage", FieldType.Stage, "项目阶段", "项目阶段", "阶段", "所处阶段", "项目状态", "推进阶段"),
        new("problems", FieldType.Text, "存在问题", "存在问题", "存在的问题", "问题及困难", "需协调解决的问题", "存在问题及建议"),
        Leader,
        new("leadUnit", FieldType.Unit, "责任单位", "责任单位", "牵头单位", "主责单位", "责任部门", "牵头部门", "对接单位"),
        new("steward", FieldType.Person, "项目管家", "项目管家", "包联干部", "服务专员", "项目专员", "联络员", "联系人"),
        new("town", FieldType.Unit, "所在乡镇（街道）", "所在乡镇（街道）", "所在乡镇", "=所在地", "项目所在地", "建设地点", "项目地点", "所属乡镇"),
        new("coordinates", FieldType.Coordinates, "经纬度", "经纬度", "坐标", "项目坐标"),
        new("plannedStart", FieldType.Date, "计划开工时间", "计划开工时间", "开工时间", "计划开工"),
        new("plannedEnd", FieldType.Date, "计划竣工时间", "计划竣工时间", "竣工时间", "计划竣工", "完成时限"),
        new("ownerCompany", FieldType.Text, "项目业主", "项目业主", "业主单位", "建设单位", "项目单位"),
        new("light", FieldType.Ignored, "亮灯", "亮灯", "亮灯情况"),
    ];

    /// <summary>招商引资项目台账 (在谈项目): one row per lead, from the first contact to signing, landing or termination.</summary>
    public static readonly IReadOnlyList<LedgerField> Leads =
    [
        Number,
        new("name", FieldType.Text, "项目名称", "项目名称", "=项目", "=项目名", "在谈项目名称", "招商项目名称", "=在谈项目", "=招商项目", "签约项目名称", "线索名称"),
        new("investor", FieldType.Text, "投资方", "投资方", "投资主体", "签约企业", "客商", "投资企业", "投资商", "意向企业", "投资方名称", "合作企业", "对接企业"),
        new("investorOrigin", FieldType.Text, "投资方所在地", "投资方所在地", "客商来源地", "来源地", "投资方来源地", "企业所在地", "客商所在地", "投资方地区"),
        new("industry", FieldType.Text, "产业类别", "产业类别", "所属产业", "产业链", "行业", "所属行业", "产业类型", "行业类别", "所属产业链", "产业分类"),
        new("plannedInvestment", FieldType.Amount, "计划投资额", "计划投资额", "拟投资额", "投资额", "协议投资额", "总投资", "计划总投资", "拟投资", "投资规模", "意向投资额"),
        new("signedAmount", FieldType.Amount, "签约金额", "签约金额", "签约额", "签约投资额", "合同金额", "合同投资额"),
        new("source", FieldType.Source, "项目来源", "项目来源", "招商方式", "信息来源", "线索来源", "项目信息来源", "引进方式"),
        new("followingUnit", FieldType.Unit, "对接单位", "对接单位", "跟踪单位", "责任单位", "承办单位", "跟进单位", "对接部门", "责任部门", "牵头单位"),
        Leader,
        new("stage", FieldType.LeadStage, "推进阶段", "推进阶段", "项目阶段", "阶段", "所处阶段", "项目状态", "洽谈阶段", "进展阶段", "目前阶段", "=状态"),
        new("firstContact", FieldType.Day, "首次对接时间", "首次对接时间", "首次对接", "首次接洽时间", "初次对接时间", "首次洽谈时间", "首次对接日期"),
        new("lastContact", FieldType.Day, "最近对接时间", "最近对接时间", "最近对接", "最新对接时间", "最后对接时间", "近期对接时间", "最近一次对接时间", "最近对接日期", "最近洽谈时间"),
        new("signedOn", FieldType.Day, "签约时间", "签约时间", "签约日期", "协议签订时间"),
        new("progress", FieldType.Text, "对接情况及下步打算", "对接情况及下步打算", "对接情况", "进展情况", "推进情况", "洽谈情况", "对接进展", "工作进展", "项目进展", "目前进展", "洽谈进展", "推进情况及下步打算"),
        new("nextStep", FieldType.Text, "下步打算", "下步打算", "下步工作", "下步计划", "下一步工作打算", "下一步打算", "下步工作计划"),
        new("terminationReason", FieldType.Text, "终止原因", "终止原因", "终止理由", "放弃原因", "暂停原因", "未落地原因"),
        new("notes", FieldType.Text, "备注", "备注", "其他说明"),
    ];

    /// <summary>外出招商登记: one row per trip a unit made to meet investors.</summary>
    public static readonly IReadOnlyList<LedgerField> Trips =
    [
        Number,
        new("unit", FieldType.Unit, "单位", "单位", "出访单位", "责任单位", "招商单位", "牵头单位", "组织单位", "带队单位", "单位名称", "外出单位"),
        new("leader", FieldType.Person, "带队领导", "带队领导", "带队县领导", "带队县级领导", "带队市领导", "带队负责人", "带队人"),
        new("dates", FieldType.DateSpan, "出访时间", "出访时间", "外出时间", "出访日期", "起止时间", "活动时间", "招商时间", "=时间", "=日期", "外出日期", "出访起止时间"),
        new("places", FieldType.Text, "出访地点", "出访地点", "目的地", "地点", "出访城市", "外出地点", "考察地点", "招商地点", "出访地区", "出访地"),
        new("firmsMet", FieldType.FirmCount, "对接企业（家）", "对接企业", "对接企业数", "拜访企业", "洽谈企业", "考察企业", "对接企业数量", "走访企业", "对接客商"),
        new("leadsFormed", FieldType.Count, "形成在谈项目（个）", "形成在谈项目", "形成在谈项目数", "形成线索", "形成项目线索", "获取线索", "获取项目信息", "新增在谈项目", "形成意向项目"),
        new("notes", FieldType.Text, "备注", "备注", "其他说明"),
    ];

    public static IReadOnlyList<LedgerField> For(LedgerKind kind) => kind switch
    {
        LedgerKind.Tasks => Tasks,
        LedgerKind.Projects => Projects,
        LedgerKind.Leads => Leads,
        LedgerKind.Trips => Trips,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The field every row must have and a sheet of the kind must have a column for: a trip is its unit's, the others are named.</summary>
    public static string KeyField(LedgerKind kind) => kind == LedgerKind.Trips ? "unit" : "name";

    /// <summary>
    /// The kind a workbook's other sheet often is: an investment-promotion workbook holds its leads and its trips
    /// side by side, and the headers they share (序号, 单位, 领导, 备注) must not decide which sheet is which.
    /// </summary>
    public static LedgerKind? Sibling(LedgerKind kind) => kind switch
    {
        LedgerKind.Leads => LedgerKind.Trips,
        LedgerKind.Trips => LedgerKind.Leads,
        _ => null,
    };

    public static LedgerField? Find(LedgerKind kind, string name) =>
        name == Ignored.Name ? Ignored : For(kind).FirstOrDefault(f => f.Name == name);

    /// <summary>
    /// The field a header names, read for its meaning rather than as one exact string: an exact synonym; a
    /// leader's column whatever level it names (分管区领导, 县级包联领导, 包联县领导, 市级领导); for a header of
    /// several parts (牵头单位及责任人) its first part; else the synonym it contains, preferring one it ends with
    /// (Chinese puts the head word last: 累计完成率 is a rate, not an amount). Under a group header the group
    /// gives the meaning: "投资额" under "年度计划" is the year's plan, "计划" and "完成" under "2026年" or
    /// "1-9月累计完成" are the plan and the amount done; the year's planned content under "年度计划" is no
    /// field of the project and is left unmapped.
    /// </summary>
    public static LedgerField? Match(LedgerKind kind, string header, string? group = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        var key = (kind, header, group);
        if (Matches.TryGetValue(key, out var known))
        {
            return known;
        }

        var found = MatchUncached(kind, header, group);
        if (Matches.Count < 20_000)
        {
            Matches[key] = found;
        }

        return found;
    }

    /// <summary>Headers repeat in every row scanned and every file of a region: each is worked out once.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(LedgerKind, string, string?), LedgerField?> Matches = new();

    private static LedgerField? MatchUncached(LedgerKind kind, string header, string? group)
    {
        var text = HeaderText.Normalize(header);
        var own = text.Length == 0 ? null : MatchText(kind, text);
        var groupText = string.IsNullOrWhiteSpace(group) ? null : HeaderText.Normalize(group);

        // "牵头" and "配合" under "责任单位", "县级" under "责任领导": the group's head word completes the sub-header.
        if (own is null && text.Length > 0 && groupText is { Length: >= 2 } && HeadWord().Match(groupText) is { Success: true } head)
        {
            own = MatchText(kind, text + head.Value);
        }

        if (kind != LedgerKind.Projects)
        {
            return own;
        }

        var period = Merge(HeaderText.Period(header), HeaderText.Period(group));
        if (groupText is { Length: > 0 } && GroupAmount(kind, groupText, HeaderText.Period(group)) is { } meaning)
        {
            if (text.Length == 0 || GenericAmountWords.Contains(text))
            {
                return meaning;
            }

            if (own is { Type: FieldType.Amount } || own?.Name == "completionRate")
            {
                return own;
            }

            if (meaning.Name == "completedToDate" && DoneWords.Contains(text))
            {
                return meaning;
            }

            return meaning.Name == "annualPlan" ? null : own;
        }

        return own ?? PeriodWord(kind, text, period, header.Contains("累计", StringComparison.Ordinal) || (group?.Contains("累计", StringComparison.Ordinal) ?? false));
    }

    /// <summary>The year or month a header names, from itself or else from its group ("2026年" over "计划投资").</summary>
    public static HeaderPeriod Merge(HeaderPeriod own, HeaderPeriod group) => new(own.Year ?? group.Year, own.ToMonth ?? group.ToMonth);

    /// <summary>A normalized sub-header that means nothing without its group ("投资额", "计划", "完成").</summary>
    public static bool NeedsGroup(string normalized) =>
        GenericAmountWords.Contains(normalized) || PlanWords.Contains(normalized) || DoneWords.Contains(normalized);

    /// <summary>Sub-headers that only say "an amount": the group above says which.</summary>
    private static readonly HashSet<string> GenericAmountWords = new(StringComparer.Ordinal)
    {
        "投资", "投资额", "金额", "资金", "数额", "额度", "总额", "投资金额", "资金额", "万元", "亿元", "元", "完成额", "计划额", "合计",
    };

    private static readonly HashSet<string> PlanWords = new(StringComparer.Ordinal) { "计划", "年度计划", "年计划", "本年计划", "计划数", "全年计划", "年度目标任务" };

    private static readonly HashSet<string> DoneWords = new(StringComparer.Ordinal) { "完成", "已完成", "实际完成", "累计完成", "完成情况", "完成数", "累计", "完成金额" };

    /// <summary>What amount a group header names, if any: an amount field, or the plan or the amount done.</summary>
    private static LedgerField? GroupAmount(LedgerKind kind, string group, HeaderPeriod period)
    {
        if (MatchText(kind, group) is { Type: FieldType.Amount } field)
        {
            return field;
        }

        if (PlanWords.Contains(group))
        {
            // A plan up to a month (1-9月计划) is not the year's plan.
            return period.ToMonth is null ? Find(kind, "annualPlan") : null;
        }

        return DoneWords.Contains(group) ? Find(kind, "completedToDate") : null;
    }

    /// <summary>"计划" or "完成" with the period they belong to: "2026年计划", "1-9月累计完成", or under such a group.</summary>
    private static LedgerField? PeriodWord(LedgerKind kind, string text, HeaderPeriod period, bool cumulative)
    {
        if (PlanWords.Contains(text) && period.Year is not null && period.ToMonth is null)
        {
            return Find(kind, "annualPlan");
        }

        return DoneWords.Contains(text) && (period.ToMonth is not null || period.Year is not null || cumulative) ? Find(kind, "completedToDate") : null;
    }

    private static LedgerField? MatchText(LedgerKind kind, string text)
    {
        var fields = For(kind);
        foreach (var field in fields)
        {
            if (field.Normalized.Whole.Contains(text, StringComparer.Ordinal))
            {
                return field;
            }
        }

        if (LeaderHeader().IsMatch(text))
        {
            return Leader;
        }

        // "牵头单位及责任人": the first part that names a field.
        var parts = Parts().Split(text).Where(p => p.Length >= 2).ToList();
        if (parts.Count > 1)
        {
            foreach (var part in parts)
            {
                if (MatchText(kind, part) is { } found)
                {
                    return found;
                }
            }
        }

        LedgerField? best = null;
        var bestScore = 0;
        foreach (var field in fields)
        {
            foreach (var s in field.Normalized.Contained)
            {
                if (!text.Contains(s, StringComparison.Ordinal))
                {
                    continue;
                }

                var score = (text.EndsWith(s, StringComparison.Ordinal) ? 1000 : 0) + s.Length;
                if (score > bestScore)
                {
                    best = field;
                    bestScore = score;
                }
            }
        }

        return best;
    }

    /// <summary>
    /// A leader's column with its level and role in any order: 领导, 县领导, 分管区领导, 县级包联领导, 区级责任领导,
    /// 市级领导, 包联县领导, 责任县领导, 分管副县长.
    /// </summary>
    [GeneratedRegex(@"^(分管|包联|包抓|责任|牵头|联系|挂点|挂钩|联挂|帮扶|主抓|督导|对口)?((省|市|县|区|镇|乡|街道)(级)?)?(分管|包联|包抓|责任|牵头|联系|挂点|挂钩|联挂|帮扶|主抓|督导|对口)?(领导|领导同志|负责同志|(副)?(省|市|县|区|镇|乡)长)$")]
    private static partial Regex LeaderHeader();

    [GeneratedRegex(@"(单位|部门|领导)$")]
    private static partial Regex HeadWord();

    [GeneratedRegex(@"及|与|和|、|/")]
    private static partial Regex Parts();
}

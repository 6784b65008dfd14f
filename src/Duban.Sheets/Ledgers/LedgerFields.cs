namespace Duban.Sheets.Ledgers;

/// <summary>What a ledger holds: tasks (任务清单) or key projects (重点项目台账).</summary>
public enum LedgerKind
{
    Tasks,
    Projects,
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
    Ignored,
}

/// <summary>A field a column can be mapped to: its name in code (camelCase, from the glossary) and the headers offices use for it.</summary>
public sealed record LedgerField(string Name, FieldType Type, string Label, params string[] Synonyms);

/// <summary>
/// The fields of each kind of ledger, with the header texts offices use for them. Headers are compared after
/// <see cref="HeaderText.Normalize"/>: exact synonyms first, then the longest synonym the header contains.
/// </summary>
public static class LedgerFields
{
    public static readonly LedgerField Number = new("number", FieldType.Text, "序号", "序号", "编号", "项目编号", "任务编号", "No");
    public static readonly LedgerField Leader = new("leader", FieldType.Person, "责任领导", "责任领导", "分管领导", "牵头领导", "包联领导", "县级领导", "联系领导", "责任县领导", "分管县领导", "包抓领导");
    public static readonly LedgerField Ignored = new("ignored", FieldType.Ignored, "（不导入）");

    public static readonly IReadOnlyList<LedgerField> Tasks =
    [
        Number,
        new("name", FieldType.Text, "重点任务", "重点任务", "任务名称", "工作任务", "重点工作", "任务", "事项", "事项名称", "工作事项", "重点工作任务", "工作内容", "任务内容"),
        new("content", FieldType.Text, "具体目标", "具体目标", "目标任务", "具体目标（量化指标）", "目标要求", "工作目标", "量化指标", "具体内容", "主要内容", "任务目标", "目标值"),
        new("milestones", FieldType.Milestones, "时间节点", "时间节点", "节点安排", "推进计划", "时间安排", "进度安排", "节点目标"),
        Leader,
        new("leadUnit", FieldType.Unit, "牵头单位", "牵头单位", "责任单位", "主责单位", "牵头部门", "责任部门", "主办单位", "牵头责任单位"),
        new("supportingUnits", FieldType.Units, "配合单位", "配合单位", "协办单位", "配合部门", "参与单位", "协同单位", "责任配合单位"),
        new("deadline", FieldType.Date, "完成时限", "完成时限", "完成时间", "时限要求", "办结时限", "截止时间", "时限"),
        new("progress", FieldType.Text, "进展情况", "进展情况", "工作进展", "推进情况", "完成情况", "进度情况", "目前进展", "落实情况"),
        new("problems", FieldType.Text, "存在问题及下步打算", "存在问题及下步打算", "存在问题", "问题及困难", "存在困难", "下步打算", "存在问题及下步措施"),
        new("liaison", FieldType.Person, "联络员", "联络员", "责任人", "具体责任人", "经办人"),
        new("light", FieldType.Ignored, "亮灯", "亮灯", "亮灯情况", "状态"),
    ];

    public static readonly IReadOnlyList<LedgerField> Projects =
    [
        Number,
        new("name", FieldType.Text, "项目名称", "项目名称", "项目名称及建设内容", "项目", "项目名"),
        new("scale", FieldType.Text, "建设内容及规模", "建设内容及规模", "建设内容", "建设规模及内容", "主要建设内容", "建设规模"),
        new("nature", FieldType.Nature, "建设性质", "建设性质", "项目性质", "性质"),
        new("years", FieldType.Years, "建设起止年限", "建设起止年限", "起止年限", "建设年限", "建设周期"),
        new("totalInvestment", FieldType.Amount, "总投资", "总投资", "计划总投资", "项目总投资", "总投资额"),
        new("annualPlan", FieldType.Amount, "年度计划投资", "年度计划投资", "年计划投资", "计划投资", "本年计划投资", "年度投资计划"),
        new("completedToDate", FieldType.Amount, "累计完成投资", "累计完成投资", "完成投资", "本年完成投资", "实际完成投资", "已完成投资"),
        new("completionRate", FieldType.Ignored, "完成率", "完成率", "投资完成率", "完成比例"),
        new("physicalProgress", FieldType.Text, "形象进度", "形象进度", "项目进展", "进展情况", "工程进度", "目前进展"),
        new("stage", FieldType.Stage, "项目阶段", "项目阶段", "阶段", "所处阶段", "项目状态", "推进阶段"),
        new("problems", FieldType.Text, "存在问题", "存在问题", "存在的问题", "问题及困难", "需协调解决的问题", "存在问题及建议"),
        Leader,
        new("leadUnit", FieldType.Unit, "责任单位", "责任单位", "牵头单位", "主责单位", "责任部门", "牵头部门"),
        new("steward", FieldType.Person, "项目管家", "项目管家", "包联干部", "服务专员", "项目专员", "联络员"),
        new("town", FieldType.Unit, "所在乡镇（街道）", "所在乡镇（街道）", "所在乡镇", "所在地", "建设地点", "项目地点", "所属乡镇"),
        new("coordinates", FieldType.Coordinates, "经纬度", "经纬度", "坐标", "项目坐标"),
        new("plannedStart", FieldType.Date, "计划开工时间", "计划开工时间", "开工时间", "计划开工"),
        new("plannedEnd", FieldType.Date, "计划竣工时间", "计划竣工时间", "竣工时间", "计划竣工", "完成时限"),
        new("ownerCompany", FieldType.Text, "项目业主", "项目业主", "业主单位", "建设单位", "项目单位"),
        new("light", FieldType.Ignored, "亮灯", "亮灯", "亮灯情况"),
    ];

    public static IReadOnlyList<LedgerField> For(LedgerKind kind) => kind == LedgerKind.Tasks ? Tasks : Projects;

    public static LedgerField? Find(LedgerKind kind, string name) =>
        name == Ignored.Name ? Ignored : For(kind).FirstOrDefault(f => f.Name == name);

    /// <summary>The field a header names: an exact synonym, else the longest synonym it contains (at least two characters).</summary>
    public static LedgerField? Match(LedgerKind kind, string header)
    {
        var text = HeaderText.Normalize(header);
        if (text.Length == 0)
        {
            return null;
        }

        var fields = For(kind);
        foreach (var field in fields)
        {
            if (field.Synonyms.Any(s => HeaderText.Normalize(s) == text))
            {
                return field;
            }
        }

        LedgerField? best = null;
        var bestLength = 1;
        foreach (var field in fields)
        {
            foreach (var synonym in field.Synonyms)
            {
                var s = HeaderText.Normalize(synonym);
                if (s.Length > bestLength && text.Contains(s, StringComparison.Ordinal))
                {
                    best = field;
                    bestLength = s.Length;
                }
            }
        }

        return best;
    }
}

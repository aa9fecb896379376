package dev.greenlight.rules;

/** Each symptom the colour standard names, in its group, in the standard's order. */
public enum Symptom {
    /** 干咳. */
    DRY_COUGH(SymptomGroup.RESPIRATORY, "dry cough"),
    /** 咳痰. */
    COUGHING_UP_PHLEGM(SymptomGroup.RESPIRATORY, "coughing up phlegm"),
    /** 鼻塞. */
    BLOCKED_NOSE(SymptomGroup.RESPIRATORY, "blocked nose"),
    /** 咽痛. */
    SORE_THROAT(SymptomGroup.RESPIRATORY, "sore throat"),
    /** 气促. */
    SHORTNESS_OF_BREATH(SymptomGroup.RESPIRATORY, "shortness of breath"),
    /** 呼吸困难. */
    DIFFICULTY_BREATHING(SymptomGroup.RESPIRATORY, "difficulty breathing"),
    /** 乏力. */
    FATIGUE(SymptomGroup.MALAISE, "fatigue"),
    /** 肌肉酸痛. */
    MUSCLE_ACHES(SymptomGroup.MALAISE, "muscle aches"),
    /** 头痛. */
    HEADACHE(SymptomGroup.MALAISE, "headache"),
    /** 关节酸痛. */
    JOINT_PAIN(SymptomGroup.MALAISE, "joint pain"),
    /** 腹痛. */
    ABDOMINAL_PAIN(SymptomGroup.DIGESTIVE, "abdominal pain"),
    /** 腹泻. */
    DIARRHOEA(SymptomGroup.DIGESTIVE, "diarrhoea"),
    /** 恶心. */
    NAUSEA(SymptomGroup.DIGESTIVE, "nausea"),
    /** 呕吐. */
    VOMITING(SymptomGroup.DIGESTIVE, "vomiting"),
    /** 结膜出血. */
    CONJUNCTIVAL_BLEEDING(SymptomGroup.CONJUNCTIVAL_BLEEDING, "conjunctival bleeding");

    private final SymptomGroup group;
    private final String text;

    Symptom(SymptomGroup group, String text) {
        this.group = group;
        this.text = text;
    }

    /** @return the standard's group this symptom belongs to */
    public SymptomGroup group() {
        return group;
    }

    /** @return the symptom in plain English, for reasons people read */
    public String text() {
        return text;
    }
}

package dev.greenlight.rules;

/** The groups of clinical signs the colour standard lists; any one sign of any group makes a code yellow. */
public enum SymptomGroup {
    /** Dry cough, coughing up phlegm, blocked nose, sore throat, shortness of breath, difficulty breathing. */
    RESPIRATORY,
    /** Fatigue, muscle aches, headache, joint pain. */
    MALAISE,
    /** Abdominal pain, diarrhoea, nausea, vomiting. */
    DIGESTIVE,
    /** Conjunctival bleeding, a group of one. */
    CONJUNCTIVAL_BLEEDING
}

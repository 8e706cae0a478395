import { CheckOutlined } from '@ant-design/icons';
import type { CSSProperties } from 'react';

/**
 * Where a wizard is: its steps in order, the current one marked (`aria-current="step"`) and the done ones
 * ticked, drawn like antd's small Steps (an ordered list, which also reads as one; antd's Steps is
 * 8 KB gzip of a page's first load, issue 16).
 */
export const WizardSteps = ({
  current,
  titles,
  style,
}: {
  current: number;
  titles: string[];
  style?: CSSProperties;
}) => (
  <ol className="wizard-steps" style={style}>
    {titles.map((title, index) => {
      const state = index < current ? 'done' : index === current ? 'current' : 'waiting';
      return (
        <li
          key={title}
          className={`wizard-step wizard-step-${state}`}
          aria-current={state === 'current' ? 'step' : undefined}
        >
          <span className="wizard-step-icon" aria-hidden>
            {state === 'done' ? <CheckOutlined /> : index + 1}
          </span>
          <span className="wizard-step-title">{title}</span>
        </li>
      );
    })}
  </ol>
);
